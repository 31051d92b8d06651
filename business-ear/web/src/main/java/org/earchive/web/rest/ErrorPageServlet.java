package org.earchive.web.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The container's own errors (a refused constraint, an unknown address, a body the container could not read) in the
 * API's shape, {@code {"code", "message"}}, instead of an HTML page; {@code web.xml} sends every error status here.
 */
@WebServlet(name = "errors", urlPatterns = "/error")
public class ErrorPageServlet extends HttpServlet {
    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"INVALID_REQUEST", "请求格式不正确。The request is malformed: check its URL, headers and body."},
            401, new String[] {"UNAUTHENTICATED", "请先登录。Sign in first."},
            403, new String[] {"FORBIDDEN", "您的角色无权执行此操作。Your role may not do this."},
            404, new String[] {"NOT_FOUND", "没有这个地址。There is no such resource: check the URL."},
            405, new String[] {"METHOD_NOT_ALLOWED", "This resource does not accept that HTTP method."},
            413, new String[] {"REQUEST_TOO_LARGE", "请求内容过大。The request body is too large."},
            415, new String[] {"UNSUPPORTED_MEDIA_TYPE", "Send the body in the documented content type."});

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            // a failure outside JAX-RS (a filter, the sign-in): the database's absence is a 503 as anywhere else, the
            // rest an incident logged once with the id the answer quotes
            jakarta.ws.rs.core.Response r = ExceptionMappers.Unexpected.incident(failure);
            response.setStatus(r.getStatus());
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            if (r.getHeaderString("Retry-After") != null) {
                response.setHeader("Retry-After", r.getHeaderString("Retry-After"));
            }
            ErrorBody body = (ErrorBody) r.getEntity();
            response.getWriter()
                    .write("{\"code\":\"" + body.code() + "\",\"message\":\""
                            + body.message().replace("\"", "'") + "\"}");
            return;
        }
        String[] known = KNOWN.getOrDefault(
                status,
                status >= 500
                        ? new String[] {
                            "INTERNAL_ERROR",
                            "系统内部错误，请稍后重试或联系管理员。An internal error occurred: try again or ask an administrator."
                        }
                        : new String[] {"INVALID_REQUEST", "请求无法处理。The request cannot be handled."});
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"code\":\"" + known[0] + "\",\"message\":\"" + known[1] + "\"}");
    }
}
