package org.earchive.web.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.EarchiveException;

/** Turns every failure into {@code {"code", "message"}} with the right status; nothing leaves as an HTML page. */
public final class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {}

    @Provider
    public static class Business implements ExceptionMapper<EarchiveException> {
        @Override
        public Response toResponse(EarchiveException e) {
            return Errors.response(Errors.status(e.code().kind()), e.code().name(), e.getMessage());
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 && !(e instanceof NotFoundException)) {
                // a path or query value of the wrong type ("abc" where a number belongs): the request is wrong, not
                // missing
                return Errors.response(
                        400,
                        "INVALID_REQUEST",
                        "地址中的参数格式不正确。A value in the address has the wrong form (a number was expected): check the URL.");
            }
            if (status == 413) {
                return Errors.response(413, "REQUEST_TOO_LARGE", e.getMessage());
            }
            if (e instanceof NotFoundException) {
                return Errors.response(404, "NOT_FOUND", "没有这个地址。There is no such resource: check the URL.");
            }
            if (e instanceof NotAllowedException) {
                return Errors.response(405, "METHOD_NOT_ALLOWED", "This resource does not accept that HTTP method.");
            }
            if (e instanceof NotSupportedException) {
                return Errors.response(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body in the documented content type.");
            }
            if (e instanceof ForbiddenException) {
                return forbidden();
            }
            if (e instanceof NotAuthorizedException) {
                return Errors.response(401, "UNAUTHENTICATED", "请先登录。Sign in first.");
            }
            if (status >= 400 && status < 500) {
                return Errors.response(
                        status,
                        "INVALID_REQUEST",
                        "请求格式不正确。The request is malformed: check its URL, headers and body.");
            }
            return Unexpected.incident(e);
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return Errors.response(
                    400, "INVALID_REQUEST", "请求内容无法解析，请检查格式。The request body could not be read: check its format.");
        }
    }

    @Provider
    public static class Access implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return forbidden();
        }
    }

    @Provider
    public static class Ejb implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            Throwable cause = e.getCausedByException() != null ? e.getCausedByException() : e.getCause();
            if (e instanceof EJBAccessException || cause instanceof EJBAccessException) {
                return forbidden();
            }
            return Unexpected.incident(e);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException w) {
                return new Web().toResponse(w);
            }
            return incident(e);
        }

        /** An unexpected failure: logged once here, at the boundary, with an incident id the user can quote. */
        static Response incident(Throwable e) {
            if (DatabaseOutage.in(e)) {
                LOG.warning(() -> "The database was unavailable (the client may retry): " + e);
                return Response.fromResponse(Errors.response(503, DatabaseOutage.CODE, DatabaseOutage.MESSAGE))
                        .header("Retry-After", DatabaseOutage.RETRY_AFTER)
                        .build();
            }
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "Incident " + incident + ": " + e, e);
            return Errors.response(
                    500,
                    "INTERNAL_ERROR",
                    "系统内部错误，请联系管理员并提供事件编号 " + incident + "。An internal error occurred: give the administrator incident "
                            + incident + ".");
        }
    }

    static Response forbidden() {
        return Errors.response(403, "FORBIDDEN", "您的角色无权执行此操作。Your role may not do this.");
    }
}
