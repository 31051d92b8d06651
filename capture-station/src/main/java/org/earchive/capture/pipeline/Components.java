package org.earchive.capture.pipeline;

import java.nio.file.Path;
import org.earchive.capture.pipeline.port.ArchivalPdf;
import org.earchive.capture.pipeline.port.BarcodeReader;
import org.earchive.capture.pipeline.port.BornDigitalPdf;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.earchive.capture.pipeline.port.OcrEngine;
import org.earchive.capture.pipeline.port.PdfAValidator;

/** The engines the pipeline drives, each behind its port (which is also where a test injects a fault). */
public record Components(
        Triage triage,
        Sources sources,
        ImageCleaner cleaner,
        OcrEngine.Factory ocr,
        BarcodeReader barcodes,
        ArchivalPdf.Factory pdf,
        PdfAValidator validator,
        BornDigitalPdf bornDigital) {

    /** Opens the pages of a triaged file. */
    public interface Sources {
        PageSource open(Path file, Triage.Kind kind, CaptureLimits limits);
    }

    public Components withOcr(OcrEngine.Factory other) {
        return new Components(triage, sources, cleaner, other, barcodes, pdf, validator, bornDigital);
    }
}
