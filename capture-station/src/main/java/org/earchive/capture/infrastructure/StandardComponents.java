package org.earchive.capture.infrastructure;

import org.earchive.capture.infrastructure.imageio.ImageFilePageSource;
import org.earchive.capture.infrastructure.opencv.OpenCvImageCleaner;
import org.earchive.capture.infrastructure.opencv.OpenCvJpegDecoder;
import org.earchive.capture.infrastructure.pdfbox.PdfAWriter;
import org.earchive.capture.infrastructure.pdfbox.PdfBoxBornDigital;
import org.earchive.capture.infrastructure.pdfbox.PdfPageSource;
import org.earchive.capture.infrastructure.tess4j.TesseractOcrEngine;
import org.earchive.capture.infrastructure.tika.TikaTriage;
import org.earchive.capture.infrastructure.verapdf.VeraPdfValidator;
import org.earchive.capture.infrastructure.zxing.ZxingBarcodeReader;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Components;
import org.earchive.capture.pipeline.Triage;

/** The real engines: Tika, PDFBox, ImageIO, OpenCV, Tesseract, ZXing, veraPDF. */
public final class StandardComponents {
    private static final OpenCvJpegDecoder JPEG = new OpenCvJpegDecoder();

    private StandardComponents() {}

    public static Components create(CaptureSettings settings) {
        Components.Sources sources = (file, kind, limits) ->
                kind == Triage.Kind.PDF ? new PdfPageSource(file, limits, JPEG) : new ImageFilePageSource(file, limits);
        return new Components(
                new TikaTriage(),
                sources,
                new OpenCvImageCleaner(),
                TesseractOcrEngine.factory(settings.tessdata(), settings.language(), settings.pageSegmentation()),
                new ZxingBarcodeReader(),
                () -> new PdfAWriter(settings.fontFile()),
                new VeraPdfValidator(),
                new PdfBoxBornDigital());
    }
}
