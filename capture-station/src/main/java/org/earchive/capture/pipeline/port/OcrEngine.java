package org.earchive.capture.pipeline.port;

import java.util.List;
import org.earchive.capture.pipeline.PageRaster;

/**
 * Text recognition of one grey page. An engine handle is not thread-safe: the pipeline holds one per worker thread
 * and closes them all at the end.
 */
public interface OcrEngine extends AutoCloseable {

    /** Recognises the page; throws on an engine failure (the pipeline turns it into {@code OCR_FAILED}). */
    OcrResult recognise(PageRaster grey);

    /** The page's orientation: how far it must be turned (counter-clockwise, 0/90/180/270) to read upright. */
    Orientation orientation(PageRaster grey);

    @Override
    void close();

    /** Creates engine handles, one per worker thread. */
    interface Factory {
        OcrEngine create();
    }

    /** A word with its box in page pixels and its confidence 0..100. */
    record Word(String text, int left, int top, int right, int bottom, float confidence) {}

    /** A page's text (lines separated by new lines), its words, and the mean word confidence. */
    record OcrResult(String text, List<Word> words, float confidence) {}

    /** @param rotate degrees counter-clockwise to turn the page upright; @param confidence the engine's own score */
    record Orientation(int rotate, float confidence) {}
}
