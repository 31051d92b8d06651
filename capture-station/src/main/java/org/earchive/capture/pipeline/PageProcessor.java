package org.earchive.capture.pipeline;

import java.util.List;
import org.earchive.capture.pipeline.port.BarcodeReader.Barcode;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;
import org.earchive.capture.pipeline.port.OcrEngine;
import org.earchive.capture.pipeline.port.OcrEngine.OcrResult;

/**
 * The steps one page goes through, in the one place that decides their order:
 * flatten → crop borders → orientation → deskew → blank? → barcodes → OCR → appearance → archival image.
 * A born-digital page skips the geometry (its rendering is exact) and keeps its own text instead of OCR.
 */
final class PageProcessor {
  /** Below this a measured skew is noise, not worth resampling the page for. */
  private static final double MIN_SKEW = 0.05;

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

  Processed process(SourcePage source, OcrEngine ocr) {
    PageRaster page = source.raster();
    boolean flattened = false;
    int rotation = 0;
    double skew = 0;
    double residual = 0;
    PageRaster grey;
    if (source.bornDigital()) {
      grey = cleaner.grey(page);
    } else {
      ImageCleaner.Flattened flat = cleaner.flatten(page);
      flattened = flat.corrected();
      page = cleaner.cropBorders(flat.page());
      PageRaster upright = cleaner.grey(page);
      grey = upright;
      OcrEngine.Orientation orientation = ocrCall(source, () -> ocr.orientation(upright));
      if (orientation.rotate() != 0 && orientation.confidence() >= settings.orientationConfidence()) {
        rotation = orientation.rotate();
        page = cleaner.rotate(page, rotation);
        grey = cleaner.rotate(grey, rotation);
      }
      skew = cleaner.measureSkew(grey);
      if (Math.abs(skew) >= MIN_SKEW) {
        page = cleaner.rotate(page, -skew);
        grey = page.channels() == 1 ? page : cleaner.grey(page);
        residual = cleaner.measureSkew(grey);
      }
    }
    boolean blank = cleaner.inkCoverage(grey) < settings.blankCoverage();
    List<Barcode> barcodes = blank ? List.of() : components.barcodes().read(grey);
    Separation.Decision decision = Separation.classify(barcodes);
    boolean separator = decision instanceof Separation.PatchT || decision instanceof Separation.Cover;
    long fingerprint = Fingerprint.of(grey);
    int dpi = source.raster().known() ? source.raster().dpi() : (flattened ? page.dpi() : 0);
    if (blank || separator) {
      PageOutcome outcome = new PageOutcome(source.index(), "", skew, residual, rotation, blank, barcodes, dpi, 0f,
          null, separator, flattened, 0);
      return new Processed(outcome, null, fingerprint);
    }
    PageRaster cleaned = grey;
    OcrResult text = source.bornDigital()
        ? new OcrResult(joined(source), source.textLayer(), 100f)
        : ocrCall(source, () -> ocr.recognise(cleaned));
    Appearance appearance = cleaner.appearance(page);
    PageRaster image = switch (appearance) {
      case BITONAL -> cleaner.binarize(grey);
      case GREY -> grey;
      case COLOUR -> page;
    };
    if (!image.known()) {
      // no resolution in the file: the page is laid out as if scanned at 300 dpi (recorded as unknown)
      image = image.withDpi(300, 300);
    }
    PageOutcome outcome = new PageOutcome(source.index(), text.text(), skew, residual, rotation, false, barcodes, dpi,
        text.confidence(), appearance, false, flattened, 0);
    return new Processed(outcome, new ArchivalPage(image, appearance, text.words()), fingerprint);
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
