package org.earchive.capture.pipeline;

import java.util.List;
import org.earchive.capture.pipeline.port.OcrEngine.Word;

/**
 * A page as it came out of its source file.
 *
 * @param index 1-based page number in the source
 * @param raster the page's pixels at its native resolution
 * @param textLayer the words of a born-digital page (kept instead of OCR), or null for a scan
 */
public record SourcePage(int index, PageRaster raster, List<Word> textLayer) {
    public boolean bornDigital() {
        return textLayer != null;
    }
}
