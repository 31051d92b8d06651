package org.earchive.capture.pipeline.port;

import java.io.IOException;
import java.nio.file.Path;
import org.earchive.capture.pipeline.ArchivalPage;
import org.earchive.capture.pipeline.DocumentMetadata;

/** An archival PDF/A being written page by page. */
public interface ArchivalPdf extends AutoCloseable {
    void addPage(ArchivalPage page) throws IOException;

    void save(Path target, DocumentMetadata metadata) throws IOException;

    @Override
    void close() throws IOException;

    /** Opens a new, empty document. */
    interface Factory {
        ArchivalPdf create() throws IOException;
    }
}
