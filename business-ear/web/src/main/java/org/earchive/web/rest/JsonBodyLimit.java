package org.earchive.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * JSON bodies are small (a case, a decision, a request): one over {@code EARCHIVE_JSON_MAX_BYTES} (1 MB by default)
 * is refused from its declared length with {@code 413 REQUEST_TOO_LARGE} before it is read, and one streamed without
 * a length stops being read at the limit (a 400), so no client makes the server parse megabytes of JSON.
 */
@Provider
@PreMatching
public class JsonBodyLimit implements ContainerRequestFilter {
    static final long DEFAULT_LIMIT = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.getSubtype().toLowerCase(Locale.ROOT).contains("json")) {
            return;
        }
        long limit = limit();
        if (request.getLength() > limit) {
            request.abortWith(Errors.response(
                    413,
                    "REQUEST_TOO_LARGE",
                    "请求内容超过 " + limit + " 字节的上限。A JSON body is at most " + limit
                            + " bytes (EARCHIVE_JSON_MAX_BYTES)."));
            return;
        }
        request.setEntityStream(new Capped(request.getEntityStream(), limit));
    }

    private volatile long limit = -1;

    /** Read once: a configuration lookup per request is not free. */
    private long limit() {
        if (limit < 0) {
            limit = ConfigProvider.getConfig()
                    .getOptionalValue("earchive.json.max-bytes", Long.class)
                    .orElse(DEFAULT_LIMIT);
        }
        return limit;
    }

    /** Reads at most {@code limit} bytes, then fails the read. */
    static final class Capped extends FilterInputStream {
        private long left;

        Capped(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("The JSON body is larger than the limit");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("The JSON body is larger than the limit");
            }
            return n;
        }
    }
}
