package org.earchive.capture.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one input: either documents (with every page's outcome and the warnings) or a business rejection
 * with its stable code. The original is never altered.
 */
public record CaptureResult(
        Path source,
        String stem,
        String sha256,
        String mediaType,
        List<PageOutcome> pages,
        List<OutputDocument> documents,
        List<CaptureWarning> warnings,
        CaptureError error,
        String errorMessage) {

    public boolean failed() {
        return error != null;
    }
}
