package org.earchive.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.earchive.archive.application.UserDirectory;
import org.junit.jupiter.api.Test;

/**
 * Every API request signs in (Basic), and signing in reads the account: with the database away for a moment (the
 * soak's PostgreSQL restart) that read fails before JAX-RS runs. The client must get the same 503 it gets anywhere else
 * while the database is away, not the container's 500.
 */
class EarchiveAuthenticationMechanismTest {
    private final Map<String, String> headers = new HashMap<>();
    private final StringWriter body = new StringWriter();
    private int status;

    @Test
    void theAccountsUnreadableInAFailoverAnswer503WithRetryAfter() {
        EarchiveAuthenticationMechanism mechanism = mechanism(new EJBException(new PersistenceException(
                "EclipseLink-4002", new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        AuthenticationStatus outcome = mechanism.validateRequest(request(), response(), null);
        assertEquals(AuthenticationStatus.SEND_FAILURE, outcome);
        assertEquals(503, status);
        assertEquals("2", headers.get("Retry-After"));
        assertTrue(body.toString().contains("\"code\":\"DATABASE_UNAVAILABLE\""), body.toString());
    }

    @Test
    void anyOtherFailureIsLeftToTheContainersIncident() {
        EarchiveAuthenticationMechanism mechanism = mechanism(new IllegalStateException("a bug"));
        assertThrows(IllegalStateException.class, () -> mechanism.validateRequest(request(), response(), null));
        assertEquals(0, status, "nothing answered here");
    }

    private static EarchiveAuthenticationMechanism mechanism(RuntimeException failure) {
        EarchiveAuthenticationMechanism m = new EarchiveAuthenticationMechanism();
        m.directory = fake(UserDirectory.class, (proxy, method, args) -> {
            throw failure;
        });
        return m;
    }

    private static HttpServletRequest request() {
        String basic = Base64.getEncoder().encodeToString("clerk:It-demo-Passw0rd".getBytes(StandardCharsets.UTF_8));
        return fake(HttpServletRequest.class, (proxy, method, args) -> switch (method.getName()) {
            case "getRequestURI" -> "/earchive/api/cases";
            case "getContextPath" -> "/earchive";
            case "getMethod" -> "GET";
            case "getRemoteAddr" -> "127.0.0.1";
            case "getHeader" -> "Authorization".equals(args[0]) ? "Basic " + basic : null;
            default -> null;
        });
    }

    private HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body, true);
        return fake(HttpServletResponse.class, (proxy, method, args) -> {
            switch (method.getName()) {
                case "setStatus" -> status = (Integer) args[0];
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "getWriter" -> {
                    return writer;
                }
                default -> {
                    // content type, flush: nothing to keep
                }
            }
            return null;
        });
    }

    private static <T> T fake(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
