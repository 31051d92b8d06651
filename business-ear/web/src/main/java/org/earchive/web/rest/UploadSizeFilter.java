package org.earchive.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.earchive.archive.application.Settings;

/**
 * Refuses a request whose declared length is over the upload limit before its body is read, so an oversized file is
 * not first spooled to disk. Bodies without a declared length are counted while they stream.
 */
@Provider
@ApplicationScoped
@PreMatching
public class UploadSizeFilter implements ContainerRequestFilter {
    @Inject
    Settings settings;

    /** Room for the multipart envelope and the other form fields. */
    private static final long ENVELOPE = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("transfers/")) {
            return; // packages have their own, larger limit, enforced while they are spooled (TransferResource)
        }
        if (request.getMediaType() != null
                && request.getMediaType().getSubtype().toLowerCase(Locale.ROOT).contains("json")) {
            return; // JSON bodies have their own, smaller limit (JsonBodyLimit)
        }
        long limit = settings.maxUploadBytes();
        if (request.getLength() > limit + ENVELOPE) {
            request.abortWith(Errors.response(
                    413,
                    "FILE_TOO_LARGE",
                    "文件超过 " + (limit / (1024 * 1024)) + " MB 的上限，请分开扫描或降低分辨率后重新上传。The file is larger than the limit of "
                            + (limit / (1024 * 1024))
                            + " MB: split it or scan at a lower resolution, then upload again."));
        }
    }
}
