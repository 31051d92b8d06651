package org.earchive.archive.domain.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Renders a page of an archived file for viewing, with a visible watermark; the archived object is never changed. */
public interface PageRenderer {
    /** A page out of range. */
    final class NoSuchPage extends IOException {
        public NoSuchPage(String message) {
            super(message);
        }
    }

    /**
     * Writes page {@code page} (1-based) of {@code content} as PNG at about {@code dpi}, with {@code watermark} drawn
     * across it.
     *
     * @return the number of pages of the file
     */
    int render(InputStream content, String contentType, int page, int dpi, String watermark, OutputStream png)
            throws IOException;

    /** Opens and draws every page at a low resolution: usability (DA/T 70). Returns the page count. */
    int renders(InputStream content, String contentType) throws IOException;
}
