package org.earchive.capture.pipeline;

import java.util.List;
import org.earchive.capture.pipeline.port.BarcodeReader.Barcode;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;
import org.earchive.capture.pipeline.port.OcrEngine;
import org.earchive.capture.pipeline.port.OcrEngine.OcrResult;

/**
 * The steps one page goes through, in the one place that decides their order:
 * flatten → crop borders → deskew → blank? → barcodes → OCR (→ orientation → turn → deskew → OCR, when the text
 * reads badly) → appearance → archival image.
 * A born-digital page skips the geometry (its rendering is exact) and keeps its own text instead of OCR.
 */
final class PageProcessor {
    /** Below this a measured skew is noise, not worth resampling the page for. */
    private static final double MIN_SKEW = 0.05;
    /** Degrees either side of level searched for the skew left after deskewing. */
    private static final double RESIDUAL_RANGE = 1.0;
    /** Mean word confidence below which a page may be sideways or upside down. */
    private static final float SUSPICIOUS_CONFIDENCE = 60f;
    /** Text line height (pixels) Tesseract reads best at. */
    private static final int OCR_LINE_HEIGHT = 40;
    /** Never read below this resolution. */
    private static final int MIN_OCR_DPI = 200;

    private final ImageCleaner cleaner;
    private final CaptureSettings settings;
    private final Components components;

    PageProcessor(Components components, CaptureSettings settings) {
        this.components = components;
        this.cleaner = components.cleaner();
        this.settings = settings;
    }

    /** The page's outcome and, unless it is blank or a separator, its archival image with the text layer. */
    record Processed(PageOutcome outcome, ArchivalPage archival, long fingerprint) {}

    Processed process(SourcePage source, OcrEngine ocr, int turn) {
        Geometry g = new Geometry(source.raster());
        if (!source.bornDigital() && turn % 360 != 0) {
            // the clerk's own correction comes first (born-digital pages are exact and keep their text layer's
            // geometry)
            g.page = cleaner.rotate(g.page, turn);
            g.turn = ((turn % 360) + 360) % 360;
        }
        if (!source.bornDigital()) {
            // a scanner says its resolution; a photo (phone, document camera) does not, and only a photo has a desk
            // around the sheet to find
            ImageCleaner.Flattened flat = source.raster().known()
                    ? new ImageCleaner.Flattened(g.page, false)
                    : StepTimes.time("flatten", () -> cleaner.flatten(g.page));
            g.flattened = flat.corrected();
            g.page = StepTimes.time("crop", () -> cleaner.cropBorders(flat.page()));
            g.grey = cleaner.grey(g.page);
            // decided before the geometry (turning does not change it), so a page kept in grey or black-and-white is
            // turned once, in grey, instead of in colour too
            g.appearance = StepTimes.time("appearance", () -> cleaner.appearance(g.page));
            if (g.appearance != Appearance.COLOUR) {
                g.page = g.grey;
            }
            deskew(g);
        } else {
            g.grey = cleaner.grey(g.page);
            g.appearance = cleaner.appearance(g.page);
        }
        boolean blank = StepTimes.time("blank", () -> cleaner.inkCoverage(g.grey)) < settings.blankCoverage();
        List<Barcode> barcodes = blank
                ? List.of()
                : StepTimes.time("barcodes", () -> components.barcodes().read(g.grey));
        Separation.Decision decision = Separation.classify(barcodes);
        boolean separator = decision instanceof Separation.PatchT || decision instanceof Separation.Cover;
        int dpi = source.raster().known() ? source.raster().dpi() : (g.flattened ? g.page.dpi() : 0);
        if (blank || separator) {
            long fingerprint = Fingerprint.of(g.grey);
            PageOutcome outcome = new PageOutcome(
                    source.index(),
                    "",
                    g.skew,
                    g.residual,
                    g.turn,
                    blank,
                    barcodes,
                    dpi,
                    0f,
                    null,
                    separator,
                    g.flattened,
                    0,
                    fingerprint);
            return new Processed(outcome, null, fingerprint);
        }
        OcrResult text;
        if (source.bornDigital()) {
            text = new OcrResult(joined(source), source.textLayer(), 100f);
        } else {
            text = recognise(source, ocr, g.grey);
            // Orientation detection costs a third of a recognition, so it runs only when the text reads badly:
            // an upside-down feed reads as garbage, a sideways one shows in the line profile.
            if (text.confidence() < SUSPICIOUS_CONFIDENCE || text.words().size() < 3 || cleaner.sideways(g.grey)) {
                PageRaster upright = g.grey;
                OcrEngine.Orientation orientation =
                        StepTimes.time("orientation", () -> ocrCall(source, () -> ocr.orientation(upright)));
                if (orientation.rotate() != 0 && orientation.confidence() >= settings.orientationConfidence()) {
                    g.rotation = orientation.rotate();
                    g.page = cleaner.rotate(g.page, g.rotation);
                    g.grey = g.page.channels() == 1 ? g.page : cleaner.rotate(g.grey, g.rotation);
                    deskew(g);
                    text = recognise(source, ocr, g.grey);
                }
            }
        }
        Appearance appearance = g.appearance;
        PageRaster image = switch (appearance) {
            case BITONAL -> StepTimes.time("binarize", () -> cleaner.binarize(g.grey));
            case GREY -> g.grey;
            case COLOUR -> g.page;
        };
        if (!image.known()) {
            // no resolution in the file: the page is laid out as if scanned at 300 dpi (recorded as unknown)
            image = image.withDpi(300, 300);
        }
        long fingerprint = Fingerprint.of(g.grey);
        PageOutcome outcome = new PageOutcome(
                source.index(),
                text.text(),
                g.skew,
                g.residual,
                (g.turn + g.rotation) % 360,
                false,
                barcodes,
                dpi,
                text.confidence(),
                appearance,
                false,
                g.flattened,
                0,
                fingerprint);
        return new Processed(outcome, new ArchivalPage(image, appearance, text.words()), fingerprint);
    }

    /** Measures the skew and turns the page level; measures again to report what is left. */
    private void deskew(Geometry g) {
        double skew = StepTimes.time("deskew", () -> cleaner.measureSkew(g.grey));
        g.skew = skew;
        g.residual = skew;
        if (Math.abs(skew) >= MIN_SKEW) {
            g.page = StepTimes.time("deskew", () -> cleaner.rotate(g.page, -skew));
            g.grey = g.page.channels() == 1 ? g.page : cleaner.grey(g.page);
            // what is left after turning is small: searched within a degree of level, not the whole range again
            g.residual = StepTimes.time("deskew", () -> cleaner.measureSkew(g.grey, RESIDUAL_RANGE));
        }
    }

    /**
     * Recognises the page at the resolution that suits its print: Tesseract reads best, and fastest, when text lines
     * are about {@value #OCR_LINE_HEIGHT} pixels high, so pages of ordinary print scanned at 300 dpi are read at about
     * 200 dpi (fewer errors and less OCR time on the benchmark's forms: compare with
     * {@code EARCHIVE_OCR_ADAPTIVE=false ./earchive bench capture}); small print keeps its full resolution. The
     * words' boxes are scaled back to the archived image.
     */
    private OcrResult recognise(SourcePage source, OcrEngine ocr, PageRaster grey) {
        double factor = 1.0;
        if (grey.known() && settings.adaptiveOcrResolution()) {
            int line = StepTimes.time("ocr-scale", () -> cleaner.textLineHeight(grey));
            if (line > 0) {
                factor = Math.max(MIN_OCR_DPI / (double) grey.dpi(), Math.min(1.0, OCR_LINE_HEIGHT / (double) line));
            }
        }
        if (factor > 0.9) {
            return StepTimes.time("ocr", () -> ocrCall(source, () -> ocr.recognise(grey)));
        }
        double f = factor;
        PageRaster smaller = StepTimes.time("ocr-scale", () -> cleaner.scale(grey, f));
        OcrResult r = StepTimes.time("ocr", () -> ocrCall(source, () -> ocr.recognise(smaller)));
        double back = grey.width() / (double) smaller.width();
        List<OcrEngine.Word> words = new java.util.ArrayList<>(r.words().size());
        for (OcrEngine.Word w : r.words()) {
            words.add(new OcrEngine.Word(
                    w.text(),
                    (int) Math.round(w.left() * back),
                    (int) Math.round(w.top() * back),
                    (int) Math.round(w.right() * back),
                    (int) Math.round(w.bottom() * back),
                    w.confidence()));
        }
        return new OcrResult(r.text(), List.copyOf(words), r.confidence());
    }

    /** A page's geometry as the steps change it. */
    private static final class Geometry {
        PageRaster page;
        PageRaster grey;
        boolean flattened;
        Appearance appearance;
        int turn;
        int rotation;
        double skew;
        double residual;

        Geometry(PageRaster page) {
            this.page = page;
        }
    }

    /** An engine failure (a crash, a refused page) is an OCR failure of this page, whatever the engine threw. */
    private static <T> T ocrCall(SourcePage source, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            throw new CaptureException(CaptureError.OCR_FAILED, "page " + source.index() + ": " + e, e);
        }
    }

    private static String joined(SourcePage source) {
        StringBuilder s = new StringBuilder();
        for (OcrEngine.Word w : source.textLayer()) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(w.text());
        }
        return s.toString();
    }
}
