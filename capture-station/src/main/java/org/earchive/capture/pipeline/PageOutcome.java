package org.earchive.capture.pipeline;

import java.util.List;
import org.earchive.capture.pipeline.fields.PageFields;
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
 * @param dpiInferred the file said no resolution and {@code dpi} was inferred from the paper size
 * @param fields what was read from the page's text: codes with their check characters, name, dates, title
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
        long fingerprint,
        boolean dpiInferred,
        PageFields fields) {

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
                fingerprint,
                dpiInferred,
                fields);
    }

    /** A page's outcome built by name: {@code PageOutcome.builder(3).text(…).blank(false)….build()}. */
    static Builder builder(int index) {
        return new Builder(index);
    }

    static final class Builder {
        private final int index;
        private String text = "";
        private double skew;
        private double residual;
        private int rotation;
        private boolean blank;
        private List<Barcode> barcodes = List.of();
        private int dpi;
        private float confidence;
        private Appearance appearance;
        private boolean separator;
        private boolean flattened;
        private int document;
        private long fingerprint;
        private boolean dpiInferred;
        private PageFields fields = PageFields.NONE;

        private Builder(int index) {
            this.index = index;
        }

        Builder text(String text) {
            this.text = text;
            return this;
        }

        /** The skew found and corrected, and what was left after. */
        Builder skew(double found, double left) {
            this.skew = found;
            this.residual = left;
            return this;
        }

        Builder rotation(int degrees) {
            this.rotation = degrees;
            return this;
        }

        Builder blank(boolean blank) {
            this.blank = blank;
            return this;
        }

        Builder barcodes(List<Barcode> barcodes) {
            this.barcodes = List.copyOf(barcodes);
            return this;
        }

        Builder dpi(int dpi) {
            this.dpi = dpi;
            return this;
        }

        Builder confidence(float confidence) {
            this.confidence = confidence;
            return this;
        }

        Builder appearance(Appearance appearance) {
            this.appearance = appearance;
            return this;
        }

        Builder separator(boolean separator) {
            this.separator = separator;
            return this;
        }

        Builder flattened(boolean flattened) {
            this.flattened = flattened;
            return this;
        }

        Builder document(int document) {
            this.document = document;
            return this;
        }

        Builder fingerprint(long fingerprint) {
            this.fingerprint = fingerprint;
            return this;
        }

        Builder dpiInferred(boolean inferred) {
            this.dpiInferred = inferred;
            return this;
        }

        Builder fields(PageFields fields) {
            this.fields = fields;
            return this;
        }

        PageOutcome build() {
            return new PageOutcome(
                    index,
                    text,
                    skew,
                    residual,
                    rotation,
                    blank,
                    barcodes,
                    dpi,
                    confidence,
                    appearance,
                    separator,
                    flattened,
                    document,
                    fingerprint,
                    dpiInferred,
                    fields);
        }
    }
}
