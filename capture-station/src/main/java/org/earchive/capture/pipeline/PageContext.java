package org.earchive.capture.pipeline;

import java.time.LocalDate;
import java.util.List;
import org.earchive.capture.pipeline.fields.FieldReader;
import org.earchive.capture.pipeline.fields.PageFields;
import org.earchive.capture.pipeline.port.BarcodeReader.Barcode;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;
import org.earchive.capture.pipeline.port.OcrEngine;
import org.earchive.capture.pipeline.port.OcrEngine.OcrResult;

/** One page as the steps change it: its images, its geometry and what the steps found. */
final class PageContext {
    final SourcePage source;
    final OcrEngine ocr;
    final int requestedTurn;
    PageRaster page;
    PageRaster grey;
    boolean flattened;
    Appearance appearance;
    int turn;
    int rotation;
    double skew;
    double residual;
    boolean blank;
    List<Barcode> barcodes = List.of();
    boolean separator;
    OcrResult text;
    PageRaster image;
    /** The resolution inferred from the paper size when the file said none; 0 when it said one or none fits. */
    final int inferredDpi;

    PageContext(SourcePage source, OcrEngine ocr, int requestedTurn) {
        this.source = source;
        this.ocr = ocr;
        this.requestedTurn = requestedTurn;
        PageRaster raster = source.raster();
        this.inferredDpi = raster.known() || source.bornDigital() ? 0 : PaperSizes.dpi(raster.width(), raster.height());
        this.page = inferredDpi > 0 ? raster.withDpi(inferredDpi, inferredDpi) : raster;
    }

    boolean scanned() {
        return !source.bornDigital();
    }

    /** A blank page or a separator sheet needs no text and no archival image. */
    boolean finished() {
        return blank || separator;
    }

    /** The coarser axis' resolution of the source, of a flattened photo, or inferred from the paper; 0 when unknown. */
    int dpi() {
        if (source.raster().known()) {
            return source.raster().dpi();
        }
        return flattened ? page.dpi() : inferredDpi;
    }

    /** Whether {@link #dpi()} was inferred from the page's pixel size. */
    boolean dpiInferred() {
        return !source.raster().known() && !flattened && inferredDpi > 0;
    }

    PageOutcome outcome(long fingerprint) {
        return PageOutcome.builder(source.index())
                .text(text == null ? "" : text.text())
                .skew(skew, residual)
                .rotation(finished() ? turn : (turn + rotation) % 360)
                .blank(blank)
                .barcodes(barcodes)
                .dpi(dpi())
                .confidence(text == null ? 0f : text.confidence())
                .appearance(finished() ? null : appearance)
                .separator(separator)
                .flattened(flattened)
                .fingerprint(fingerprint)
                .dpiInferred(dpiInferred())
                .fields(
                        text == null || !scanned() && text.words().isEmpty()
                                ? PageFields.NONE
                                : new FieldReader(LocalDate.now()).read(text.text(), text.words()))
                .build();
    }
}
