package org.earchive.capture.pipeline;

import java.util.List;
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

    PageContext(SourcePage source, OcrEngine ocr, int requestedTurn) {
        this.source = source;
        this.ocr = ocr;
        this.requestedTurn = requestedTurn;
        this.page = source.raster();
    }

    boolean scanned() {
        return !source.bornDigital();
    }

    /** A blank page or a separator sheet needs no text and no archival image. */
    boolean finished() {
        return blank || separator;
    }

    /** The coarser axis' resolution of the source, or of a flattened photo; 0 when unknown. */
    int dpi() {
        return source.raster().known() ? source.raster().dpi() : (flattened ? page.dpi() : 0);
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
                .build();
    }
}
