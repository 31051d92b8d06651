package org.earchive.capture.infrastructure.tika;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.earchive.capture.pipeline.CaptureError;
import org.earchive.capture.pipeline.CaptureException;
import org.earchive.capture.pipeline.Triage;

/**
 * The first step: what a file really is, from its bytes (Tika's magic detection), compared with what its name claims.
 */
public final class TikaTriage implements Triage {
    private static final Map<String, Kind> KINDS = Map.of(
            "application/pdf", Kind.PDF,
            "image/tiff", Kind.IMAGE,
            "image/jpeg", Kind.IMAGE,
            "image/png", Kind.IMAGE,
            "image/bmp", Kind.IMAGE,
            "image/x-ms-bmp", Kind.IMAGE,
            "image/gif", Kind.IMAGE,
            "image/jp2", Kind.IMAGE,
            "image/jpx", Kind.IMAGE);

    private final Tika tika = new Tika();

    @Override
    public Result triage(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw new CaptureException(CaptureError.EMPTY_FILE, null);
            }
            String content;
            try (InputStream in = Files.newInputStream(file)) {
                content = base(tika.detect(in));
            }
            String claimed = base(tika.detect(file.getFileName().toString()));
            Kind kind = KINDS.get(content);
            Kind claimedKind = KINDS.get(claimed);
            if (claimedKind != null && !MediaType.OCTET_STREAM.toString().equals(content) && !same(content, claimed)) {
                throw new CaptureException(
                        CaptureError.TYPE_MISMATCH, "named as " + claimed + " but the content is " + content);
            }
            if (kind == null) {
                throw new CaptureException(CaptureError.UNSUPPORTED_FORMAT, "the content is " + content);
            }
            if (kind == Kind.IMAGE
                    && (content.equals("image/jp2") || content.equals("image/jpx"))
                    && !ImageIO.getImageReadersByMIMEType("image/jp2").hasNext()) {
                throw new CaptureException(
                        CaptureError.UNSUPPORTED_FORMAT,
                        "JPEG 2000 is not readable on this station; scan to TIFF or PDF");
            }
            return new Result(kind, content);
        } catch (IOException e) {
            throw new CaptureException(CaptureError.PROCESSING_FAILED, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private static boolean same(String a, String b) {
        return a.equals(b)
                || (a.contains("bmp") && b.contains("bmp"))
                || (a.startsWith("image/jp")
                        && b.startsWith("image/jp")
                        && !a.equals("image/jpeg")
                        && !b.equals("image/jpeg"));
    }

    private static String base(String mediaType) {
        MediaType t = MediaType.parse(mediaType);
        return t == null ? MediaType.OCTET_STREAM.toString() : t.getBaseType().toString();
    }
}
