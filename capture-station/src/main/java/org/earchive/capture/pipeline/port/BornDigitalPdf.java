package org.earchive.capture.pipeline.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.earchive.capture.pipeline.DocumentMetadata;

/**
 * A born-digital PDF made PDF/A as it is — its pages' vectors and text kept, nothing drawn — when it can be: every page
 * has text, every font is embedded, no encryption, scripts or attachments. Otherwise the pipeline draws its pages and
 * keeps their text layer as for any PDF.
 */
public interface BornDigitalPdf {
    /**
     * Writes {@code target} (identified as PDF/A-2b, the output intent and metadata added) and answers each page's
     * text, or answers empty and writes nothing.
     */
    Optional<List<String>> keep(Path input, Path target, DocumentMetadata metadata) throws IOException;
}
