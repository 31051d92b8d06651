package org.earchive.capture.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;
import org.earchive.capture.pipeline.port.OcrEngine;
import org.earchive.capture.pipeline.port.OcrEngine.OcrResult;

/**
 * The steps one page goes through, in the one place that decides their order:
 * turn → flatten → crop → appearance → deskew → blank → barcodes → ocr (→ orientation → turn → deskew → ocr, when the
 * text reads badly) → image.
 * A born-digital page skips the geometry (its rendering is exact) and keeps its own text instead of OCR; a blank page or
 * a separator sheet stops after the barcodes. Each step is timed by one wrapper; when a step fails, the page as it
 * entered that step is kept in the job's work folder ({@code NNNN_<step>.png}) for diagnosis.
 */
final class PageProcessor {
    private static final Logger LOG = Logger.getLogger(PageProcessor.class.getName());
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
    private final List<Step> steps;

    /** A named step, and the pages it applies to. */
    private record Step(String name, Predicate<PageContext> appliesTo, Consumer<PageContext> work) {}

    PageProcessor(Components components, CaptureSettings settings) {
        this.components = components;
        this.cleaner = components.cleaner();
        this.settings = settings;
        this.steps = List.of(
                new Step("turn", p -> p.scanned() && p.requestedTurn % 360 != 0, this::turn),
                new Step("flatten", p -> p.scanned() && !p.source.raster().known(), this::flatten),
                new Step("crop", PageContext::scanned, this::crop),
                new Step("appearance", p -> true, this::appearance),
                new Step("deskew", PageContext::scanned, this::deskew),
                new Step("blank", p -> true, this::blank),
                new Step("barcodes", p -> !p.blank, this::barcodes),
                new Step("ocr", p -> !p.finished(), this::text),
                new Step("image", p -> !p.finished(), this::archivalImage));
    }

    /** The page's outcome and, unless it is blank or a separator, its archival image with the text layer. */
    record Processed(PageOutcome outcome, ArchivalPage archival, long fingerprint) {}

    /** Runs the steps over one page; {@code work} is the job's folder for the images of a failed step. */
    Processed process(SourcePage source, OcrEngine ocr, int turn, Path work) {
        PageContext page = new PageContext(source, ocr, turn);
        for (Step step : steps) {
            if (!step.appliesTo().test(page)) {
                continue;
            }
            try {
                StepTimes.time(step.name(), () -> {
                    step.work().accept(page);
                    return null;
                });
            } catch (RuntimeException e) {
                keep(page, step.name(), work);
                throw e;
            }
        }
        long fingerprint = Fingerprint.of(page.grey);
        PageOutcome outcome = page.outcome(fingerprint);
        return new Processed(
                outcome,
                page.finished() ? null : new ArchivalPage(page.image, page.appearance, page.text.words()),
                fingerprint);
    }

    /** The clerk's own correction comes first (born-digital pages are exact and keep their text layer's geometry). */
    private void turn(PageContext p) {
        p.page = cleaner.rotate(p.page, p.requestedTurn);
        p.turn = ((p.requestedTurn % 360) + 360) % 360;
    }

    /** A scanner says its resolution; a photo (phone, document camera) does not, and only a photo has a desk around. */
    private void flatten(PageContext p) {
        ImageCleaner.Flattened flat = cleaner.flatten(p.page);
        p.flattened = flat.corrected();
        p.page = flat.page();
    }

    private void crop(PageContext p) {
        p.page = cleaner.cropBorders(p.page);
        p.grey = cleaner.grey(p.page);
    }

    /**
     * Decided before the geometry (turning does not change it), so a page kept in grey or black-and-white is turned
     * once, in grey, instead of in colour too.
     */
    private void appearance(PageContext p) {
        if (p.grey == null) {
            p.grey = cleaner.grey(p.page);
        }
        p.appearance = cleaner.appearance(p.page);
        if (p.scanned() && p.appearance != Appearance.COLOUR) {
            p.page = p.grey;
        }
    }

    /** Measures the skew and turns the page level; measures again to report what is left. */
    private void deskew(PageContext p) {
        double skew = cleaner.measureSkew(p.grey);
        p.skew = skew;
        p.residual = skew;
        if (Math.abs(skew) >= MIN_SKEW) {
            p.page = cleaner.rotate(p.page, -skew);
            p.grey = p.page.channels() == 1 ? p.page : cleaner.grey(p.page);
            // what is left after turning is small: searched within a degree of level, not the whole range again
            p.residual = cleaner.measureSkew(p.grey, RESIDUAL_RANGE);
        }
    }

    private void blank(PageContext p) {
        p.blank = cleaner.inkCoverage(p.grey) < settings.blankCoverage();
    }

    private void barcodes(PageContext p) {
        p.barcodes = components.barcodes().read(p.grey);
        Separation.Decision decision = Separation.classify(p.barcodes);
        p.separator = decision instanceof Separation.PatchT || decision instanceof Separation.Cover;
    }

    /**
     * The page's text: a born-digital page's own layer, or OCR. Orientation detection costs a third of a recognition,
     * so it runs only when the text reads badly: an upside-down feed reads as garbage, a sideways one shows in the line
     * profile.
     */
    private void text(PageContext p) {
        if (!p.scanned()) {
            p.text = new OcrResult(joined(p.source), p.source.textLayer(), 100f);
            return;
        }
        p.text = recognise(p.source, p.ocr, p.grey);
        if (p.text.confidence() < SUSPICIOUS_CONFIDENCE || p.text.words().size() < 3 || cleaner.sideways(p.grey)) {
            PageRaster upright = p.grey;
            OcrEngine.Orientation orientation = ocrCall(p.source, () -> p.ocr.orientation(upright));
            if (orientation.rotate() != 0 && orientation.confidence() >= settings.orientationConfidence()) {
                p.rotation = orientation.rotate();
                p.page = cleaner.rotate(p.page, p.rotation);
                p.grey = p.page.channels() == 1 ? p.page : cleaner.rotate(p.grey, p.rotation);
                deskew(p);
                p.text = recognise(p.source, p.ocr, p.grey);
            }
        }
    }

    /** The image kept: black-and-white, grey or colour as the page needs; 300 dpi assumed when the file said none. */
    private void archivalImage(PageContext p) {
        PageRaster image = switch (p.appearance) {
            case BITONAL -> cleaner.binarize(p.grey);
            case GREY -> p.grey;
            case COLOUR -> p.page;
        };
        p.image = image.known() ? image : image.withDpi(300, 300);
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
            int line = cleaner.textLineHeight(grey);
            if (line > 0) {
                factor = Math.max(MIN_OCR_DPI / (double) grey.dpi(), Math.min(1.0, OCR_LINE_HEIGHT / (double) line));
            }
        }
        if (factor > 0.9) {
            return ocrCall(source, () -> ocr.recognise(grey));
        }
        PageRaster smaller = cleaner.scale(grey, factor);
        OcrResult r = ocrCall(source, () -> ocr.recognise(smaller));
        double back = grey.width() / (double) smaller.width();
        List<OcrEngine.Word> words = new ArrayList<>(r.words().size());
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

    /** Keeps the page as it entered the failed step: {@code <work>/NNNN_<step>.png}. Best effort. */
    private static void keep(PageContext p, String step, Path work) {
        if (work == null || p.page == null) {
            return;
        }
        try {
            Files.createDirectories(work);
            Path file = work.resolve(String.format("%04d_%s.png", p.source.index(), step));
            ImageIO.write(p.page.toImage(), "png", file.toFile());
            LOG.warning("page " + p.source.index() + " failed in step " + step + "; its image is kept in " + file);
        } catch (IOException | RuntimeException e) {
            LOG.warning("page " + p.source.index() + ": the failed step's image could not be kept: " + e);
        }
    }

    /** An engine failure (a crash, a refused page) is an OCR failure of this page, whatever the engine threw. */
    private static <T> T ocrCall(SourcePage source, Supplier<T> call) {
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
