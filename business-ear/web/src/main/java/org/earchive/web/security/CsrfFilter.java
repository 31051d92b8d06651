package org.earchive.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery: a request that changes state is refused ({@code 403 CSRF_REFUSED}) when a browser says
 * it comes from another origin, and, when it rides on a session cookie, unless it proves it comes from the pages
 * themselves (its {@code Origin} is this server's, or it carries the {@code X-Requested-With} header the pages set and
 * another site cannot send without this server's consent). API clients with their own credentials and no
 * {@code Origin} (scripts, the capture station) are not affected. The sign-in form is checked by
 * {@link EarchiveAuthenticationMechanism} with the same rule, before any session exists.
 */
@WebFilter(filterName = "csrf", urlPatterns = "/*")
public class CsrfFilter extends HttpFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod()) && !allowed(request, request.getHeader("Authorization") == null)) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether a state-changing request may proceed; {@code bySession}: it has no credentials of its own. */
    static boolean allowed(HttpServletRequest request, boolean bySession) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return sameOrigin(origin, request.getHeader("Host"));
        }
        if (bySession && request.getRequestedSessionId() != null) {
            return request.getHeader("X-Requested-With") != null;
        }
        return true;
    }

    /** The Origin names the host (and port) the browser sent this request to; behind a proxy, the Host it forwards. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            String authority = uri.getRawAuthority();
            return authority != null
                    && authority.toLowerCase(Locale.ROOT).equals(host.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void refuse(HttpServletResponse response) throws IOException {
        JsonErrors.write(
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "CSRF_REFUSED",
                "请求来自其他网站，已拒绝。请在本系统的页面中操作。"
                        + "The request came from another site and was refused: use the archive's own pages.");
    }
}
