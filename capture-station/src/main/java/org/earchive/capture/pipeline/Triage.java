package org.earchive.capture.pipeline;

import java.nio.file.Path;

/** The first step: what the file really is. Throws {@link CaptureException} for empty, lying or unsupported files. */
public interface Triage {
    Result triage(Path file);

    enum Kind {
        PDF,
        IMAGE
    }

    /** @param mediaType the detected type, e.g. image/tiff */
    record Result(Kind kind, String mediaType) {}
}
