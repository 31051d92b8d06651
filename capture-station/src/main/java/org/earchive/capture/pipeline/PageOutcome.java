package org.earchive.capture.pipeline;

import java.util.List;
import org.earchive.capture.pipeline.port.BarcodeReader.Barcode;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;

/**
 * What the pipeline did with one source page; the sidecar lists one per page, blank and separator pages included.
 *
 * @param index 1-based page number in the source
 * @param skewDegrees the skew found and corrected (positive: the text rose to the right)
 * @param residualSkewDegrees the skew measured again after correction
 * @param rotation degrees the page was turned (counter-clockwise) to read upright: 0, 90, 180 or 270
 * @param dpi the coarser axis' resolution of the source (0 when the file did not say)
 * @param confidence mean OCR word confidence 0..100 (100 for a born-digital text layer)
 * @param separator the page is a separator or cover sheet, not part of a document
 * @param document 1-based number of the output document that holds the page, 0 when in none
 * @param fingerprint a 64-bit difference hash of the page image (duplicate sheets are a few bits apart)
 */
public record PageOutcome(
        int index,
        String text,
        double skewDegrees,
        double residualSkewDegrees,
        int rotation,
        boolean blank,
        List<Barcode> barcodes,
        int dpi,
        float confidence,
        Appearance appearance,
        boolean separator,
        boolean flattened,
        int document,
        long fingerprint) {

    PageOutcome inDocument(int n) {
        return new PageOutcome(
                index,
                text,
                skewDegrees,
                residualSkewDegrees,
                rotation,
                blank,
                barcodes,
                dpi,
                confidence,
                appearance,
                separator,
                flattened,
                n,
                fingerprint);
    }
}
