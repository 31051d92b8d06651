package org.earchive.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie as it must leave: {@code SameSite=Strict} (the container does not apply web.xml's cookie
 * attribute), {@code HttpOnly}, and {@code Secure} when the pages are served over TLS — directly, or behind a
 * TLS-terminating proxy that says so with {@code X-Forwarded-Proto: https}, or always with
 * {@code EARCHIVE_COOKIE_SECURE=true}.
 */
final class SessionCookies {
    private SessionCookies() {}

    static void harden(HttpServletRequest request, HttpServletResponse response) {
        boolean secure = secure(request);
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.isEmpty()) {
            return;
        }
        boolean first = true;
        for (String cookie : cookies) {
            String c = cookie;
            String lower = c.toLowerCase(Locale.ROOT);
            if (!lower.contains("samesite=")) {
                c += "; SameSite=Strict";
            }
            if (!lower.contains("httponly")) {
                c += "; HttpOnly";
            }
            if (secure && !lower.contains("; secure")) {
                c += "; Secure";
            }
            if (first) {
                response.setHeader("Set-Cookie", c);
                first = false;
            } else {
                response.addHeader("Set-Cookie", c);
            }
        }
    }

    static boolean secure(HttpServletRequest request) {
        String setting = ConfigProvider.getConfig()
                .getOptionalValue("earchive.cookie.secure", String.class)
                .orElse("auto")
                .trim();
        if (setting.equalsIgnoreCase("true")) {
            return true;
        }
        if (setting.equalsIgnoreCase("false")) {
            return false;
        }
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
