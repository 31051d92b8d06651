package org.earchive.archive.domain.service;

import java.io.IOException;
import java.io.InputStream;

/** The searchable text of a stored file (a PDF's text layer); empty when it has none. */
public interface TextExtractor {
    /** At most this many characters are kept per document. */
    int MAX_CHARS = 100_000;

    String extract(InputStream content, String contentType) throws IOException;
}
