package org.earchive.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;

/**
 * An account whose password an administrator set (outside the embedded demo) is signed in for one thing only:
 * replacing it. Every other API call answers {@code 403 PASSWORD_CHANGE_REQUIRED} until
 * {@code POST /api/session/password} succeeds.
 */
@WebFilter(filterName = "passwordChange", urlPatterns = "/api/*")
public class PasswordChangeFilter extends HttpFilter {
    /** Request (Basic) or session (form) attribute set at sign-in by {@link EarchiveAuthenticationMechanism}. */
    public static final String MUST_CHANGE = "earchive.mustChangePassword";

    private static final Set<String> ALLOWED = Set.of("/api/session", "/api/session/password");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (mustChange(request) && !ALLOWED.contains(path)) {
            JsonErrors.write(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "PASSWORD_CHANGE_REQUIRED",
                    "请先修改管理员设置的初始密码。" + "Change the password an administrator set first: POST /api/session/password.");
            return;
        }
        chain.doFilter(request, response);
    }

    public static boolean mustChange(HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(MUST_CHANGE))) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(MUST_CHANGE));
    }
}
