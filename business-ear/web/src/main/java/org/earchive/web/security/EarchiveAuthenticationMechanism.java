package org.earchive.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.earchive.archive.application.UserDirectory;
import org.earchive.web.rest.DatabaseOutage;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * One mechanism, three ways in: an {@code Authorization: Basic} header (API clients, scripts, the capture station),
 * the sign-in form posted to {@code /api/session} (pages; the session then carries the login), or an existing
 * session. An unauthenticated request to a protected resource gets a JSON 401 under {@code /api} and a redirect to
 * the sign-in page elsewhere. Only the form sign-in registers a session: API clients authenticate every request, so
 * 100,000 daily scripted calls do not leave 100,000 sessions behind.
 */
@ApplicationScoped
public class EarchiveAuthenticationMechanism implements HttpAuthenticationMechanism {
    private static final Logger LOG = Logger.getLogger(EarchiveAuthenticationMechanism.class.getName());
    static final String SIGN_IN_PATH = "/api/session";
    static final String LOGIN_PAGE = "/login.html";
    private static final String SESSION_USER = "earchive.user";
    private static final String SESSION_GROUPS = "earchive.groups";
    private static final String SESSION_CHECKED = "earchive.checked";

    @EJB
    UserDirectory directory;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            return validate(request, response, context);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.in(e)) {
                throw e;
            }
            // the accounts could not be read (a failover, a restart): the request did not happen, the client sends it
            // again — 503 with Retry-After, as for any request the database's absence stopped, not the container's 500
            LOG.warning(() -> "The database was unavailable at sign-in (the client may retry): " + e);
            return refuse(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    DatabaseOutage.CODE,
                    DatabaseOutage.RETRY_AFTER,
                    DatabaseOutage.MESSAGE);
        }
    }

    private AuthenticationStatus validate(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, response, context);
        }
        if ("POST".equals(request.getMethod()) && SIGN_IN_PATH.equals(path)) {
            return form(request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            Set<String> groups = current(session, user);
            if (groups != null) {
                return context.notifyContainerAboutLogin(user, groups);
            }
            session.invalidate(); // the account was disabled, locked or removed: its sessions end
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (path.startsWith("/api/")) {
            return unauthorized(
                    response,
                    context,
                    request.getHeader("X-Requested-With") == null,
                    "UNAUTHENTICATED",
                    "请先登录。Sign in first: send HTTP Basic credentials.");
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    /**
     * The session's roles, re-read from the account at most {@code EARCHIVE_SESSION_RECHECK_SECONDS} (60) after the
     * last look, so a changed account applies to open sessions within a minute; null when the account may no longer
     * sign in.
     */
    @SuppressWarnings("unchecked")
    private Set<String> current(HttpSession session, String user) {
        long now = System.currentTimeMillis();
        Object checked = session.getAttribute(SESSION_CHECKED);
        Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
        if (groups != null && checked instanceof Long at && now - at < recheckMillis()) {
            return groups;
        }
        Optional<Set<String>> roles = directory.currentRoles(user);
        if (roles.isEmpty()) {
            return null;
        }
        session.setAttribute(SESSION_GROUPS, Set.copyOf(roles.get()));
        session.setAttribute(SESSION_CHECKED, now);
        return roles.get();
    }

    /** Read once (a configuration lookup on every request cost more than the check it guards). */
    private long recheckMillis() {
        if (recheckMillis < 0) {
            recheckMillis = 1000L
                    * ConfigProvider.getConfig()
                            .getOptionalValue("earchive.session.recheck-seconds", Integer.class)
                            .orElse(60);
        }
        return recheckMillis;
    }

    private volatile long recheckMillis = -1;

    private AuthenticationStatus basic(
            String encoded, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(
                    response, context, true, "UNAUTHENTICATED", "The Authorization header is not valid Base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(
                    response, context, true, "UNAUTHENTICATED", "The Authorization header lacks user:password.");
        }
        return check(decoded.substring(0, colon), decoded.substring(colon + 1), request, response, context, true);
    }

    private AuthenticationStatus form(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String origin = request.getHeader("Origin");
        if (origin != null
                ? !CsrfFilter.sameOrigin(origin, request.getHeader("Host"))
                : request.getHeader("X-Requested-With") == null) {
            // a sign-in posted by another site would sign the browser in to an account of the attacker's choosing
            try {
                CsrfFilter.refuse(response);
            } catch (IOException e) {
                // the client went away
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        String user = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        if (user == null || password == null) {
            return unauthorized(
                    response, context, false, "UNAUTHENTICATED", "请输入用户名和密码。Enter your user name and password.");
        }
        AuthenticationStatus status = check(user.trim(), password, request, response, context, false);
        if (status == AuthenticationStatus.SUCCESS) {
            // A new session id at sign-in, so a session id planted before sign-in is worth nothing afterwards.
            HttpSession old = request.getSession(false);
            if (old != null) {
                old.invalidate();
            }
            HttpSession session = request.getSession(true);
            session.setAttribute(SESSION_USER, context.getCallerPrincipal().getName());
            session.setAttribute(SESSION_GROUPS, Set.copyOf(context.getGroups()));
            session.setAttribute(SESSION_CHECKED, System.currentTimeMillis());
            if (request.getAttribute(PasswordChangeFilter.MUST_CHANGE) != null) {
                session.setAttribute(PasswordChangeFilter.MUST_CHANGE, Boolean.TRUE);
            }
            SessionCookies.harden(request, response);
        }
        return status;
    }

    private AuthenticationStatus check(
            String user,
            String password,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context,
            boolean challenge) {
        UserDirectory.SignIn signIn = directory.authenticate(user, password.toCharArray(), request.getRemoteAddr());
        return switch (signIn.outcome()) {
            case OK -> {
                if (signIn.mustChangePassword()) {
                    request.setAttribute(PasswordChangeFilter.MUST_CHANGE, Boolean.TRUE);
                }
                yield context.notifyContainerAboutLogin(user, signIn.roles());
            }
            case BAD_CREDENTIALS -> {
                LOG.warning(() -> "Sign-in failed for user '" + printable(user) + "'");
                yield unauthorized(
                        response,
                        context,
                        challenge,
                        "BAD_CREDENTIALS",
                        "用户名或密码不正确。The user name or password is wrong.");
            }
            case LOCKED ->
                refuse(
                        response,
                        423,
                        "ACCOUNT_LOCKED",
                        signIn.retryAfterSeconds(),
                        "密码错误次数过多，账户已锁定，请 " + minutes(signIn)
                                + " 分钟后重试或联系管理员解锁。Too many wrong passwords: the account is" + " locked for "
                                + minutes(signIn) + " more minutes; an administrator can unlock it.");
            case DELAYED ->
                refuse(
                        response,
                        429,
                        "SIGN_IN_DELAYED",
                        signIn.retryAfterSeconds(),
                        "密码错误次数较多，请 " + signIn.retryAfterSeconds() + " 秒后再试。Several wrong passwords: wait "
                                + signIn.retryAfterSeconds() + " s before the next attempt.");
            case ADDRESS_REFUSED ->
                refuse(
                        response,
                        429,
                        "TOO_MANY_ATTEMPTS",
                        signIn.retryAfterSeconds(),
                        "此地址登录失败次数过多，请稍后再试。Too many failed sign-ins from this address: try again in "
                                + signIn.retryAfterSeconds() + " s.");
        };
    }

    private static long minutes(UserDirectory.SignIn signIn) {
        return Math.max(1, (signIn.retryAfterSeconds() + 59) / 60);
    }

    private static String printable(String s) {
        return s == null ? "" : s.replaceAll("[^\\p{Alnum}._-]", "?").substring(0, Math.min(s.length(), 64));
    }

    private static AuthenticationStatus refuse(
            HttpServletResponse response, int status, String code, long retryAfter, String message) {
        try {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            JsonErrors.write(response, status, code, message);
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unauthorized(
            HttpServletResponse response, HttpMessageContext context, boolean challenge, String code, String message) {
        try {
            if (challenge) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"earchive\", charset=\"UTF-8\"");
            }
            JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, code, message);
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
