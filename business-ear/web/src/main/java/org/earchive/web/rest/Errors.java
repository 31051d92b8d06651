package org.earchive.web.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.earchive.archive.application.ErrorCode;

/** Maps error kinds to HTTP statuses in one place. */
final class Errors {
    private Errors() {}

    static int status(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
            case INSUFFICIENT_STORAGE -> 507;
            case INTEGRITY -> 500;
            case GONE -> 410;
            case UNSUPPORTED -> 415;
            case UNPROCESSABLE -> 422;
        };
    }

    static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(code, message))
                .build();
    }
}
