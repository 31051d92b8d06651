package org.earchive.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An error answered before JAX-RS runs (sign-in, filters), in the API's shape {@code {"code", "message"}}. */
final class JsonErrors {
    private JsonErrors() {}

    static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
