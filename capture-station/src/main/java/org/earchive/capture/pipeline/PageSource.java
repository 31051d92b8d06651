package org.earchive.capture.pipeline;

/**
 * The pages of one input, one at a time: a source never holds more than the page being read, so a 500-page file
 * streams. Throws {@link CaptureException} for bad input.
 */
public interface PageSource extends AutoCloseable {
    int pageCount();

    /** Reads page {@code index} (1-based). */
    SourcePage read(int index);

    @Override
    void close();
}
