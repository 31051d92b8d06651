package org.earchive.capture.infrastructure.pdfbox;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.earchive.capture.pipeline.CaptureError;
import org.earchive.capture.pipeline.CaptureException;
import org.earchive.capture.pipeline.CaptureLimits;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.PageSource;
import org.earchive.capture.pipeline.SourcePage;
import org.earchive.capture.pipeline.port.JpegDecoder;
import org.earchive.capture.pipeline.port.OcrEngine.Word;

/**
 * The pages of a PDF. A scanned page is rendered at the resolution of its scan (read from the image's size and where
 * it is drawn); a born-digital page is rendered at 300 dpi and keeps its own text. Images larger than the limits are
 * refused before they are decoded.
 */
public final class PdfPageSource implements PageSource {
    private static final int BORN_DIGITAL_DPI = 300;

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final CaptureLimits limits;
    private final JpegDecoder jpeg;

    public PdfPageSource(Path file, CaptureLimits limits, JpegDecoder jpeg) {
        this.limits = limits;
        this.jpeg = jpeg;
        try {
            document = Loader.loadPDF(file.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new CaptureException(CaptureError.ENCRYPTED_PDF, null, e);
        } catch (IOException | RuntimeException e) {
            throw new CaptureException(CaptureError.INVALID_PDF, e.getMessage(), e);
        }
        try {
            if (document.getNumberOfPages() == 0) {
                throw new CaptureException(CaptureError.NO_PAGES, null);
            }
        } catch (RuntimeException e) {
            close();
            throw e instanceof CaptureException ce
                    ? ce
                    : new CaptureException(CaptureError.INVALID_PDF, e.getMessage(), e);
        }
        renderer = new PDFRenderer(document);
        // a scan far above the render resolution is decoded at a fraction of its size
        renderer.setSubsamplingAllowed(true);
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public SourcePage read(int index) {
        try {
            PDPage page = document.getPage(index - 1);
            PDRectangle box = page.getCropBox();
            ImageLocator images = new ImageLocator(page);
            images.locate();
            refuseHugeImages(index, images);
            ImageLocator.Placed scan = images.largest();
            double pageArea = (double) box.getWidth() * box.getHeight();
            boolean scanned = scan != null && scan.area() >= 0.5 * pageArea;
            List<Word> textLayer = null;
            float renderDpi = renderDpi(index, page, box, scanned ? scan : null);
            ImageType type = scanned && !scan.colour() ? ImageType.GRAY : ImageType.RGB;
            if (scanned) {
                // the page limit holds for a scan decoded as it is, too (checked above, before any pixel is decoded)
                PageRaster direct = direct(page, images, scan, renderDpi);
                if (direct != null) {
                    return new SourcePage(index, direct, null);
                }
            } else {
                textLayer = words(index, renderDpi / 72f);
                if (textLayer.isEmpty()) {
                    // no text and no scan (vector drawing, or blank): it is OCR'd like a scan
                    textLayer = null;
                }
            }
            BufferedImage image = renderer.renderImageWithDPI(index - 1, renderDpi, type);
            int dpi = Math.round(renderDpi);
            if (scanned) {
                // the rendering resamples to square pixels at the finer axis; the archive rules judge the coarser one
                int xReported = Math.min(dpi, (int) Math.round(scan.xDpi()));
                int yReported = Math.min(dpi, (int) Math.round(scan.yDpi()));
                return new SourcePage(index, PageRaster.of(image, xReported, yReported), null);
            }
            return new SourcePage(index, PageRaster.of(image, dpi, dpi), textLayer);
        } catch (CaptureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CaptureException(CaptureError.INVALID_PDF, "page " + index + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new CaptureException(CaptureError.IMAGE_TOO_LARGE, "page " + index + " does not fit in memory", e);
        }
    }

    private void refuseHugeImages(int index, ImageLocator images) {
        for (ImageLocator.Placed placed : images.placed()) {
            if ((long) placed.pixelWidth() * placed.pixelHeight() > limits.maxEmbeddedImagePixels()) {
                throw new CaptureException(
                        CaptureError.IMAGE_TOO_LARGE,
                        "page " + index + " holds a " + placed.pixelWidth() + " × " + placed.pixelHeight()
                                + " pixel image");
            }
        }
    }

    /**
     * The resolution to render the page at: a scan's own (refused below the minimum, capped at the maximum), a
     * born-digital page's standard one, coarser for a large drawing so that it fits the page pixel limit; a page that
     * cannot fit is refused before any pixel is drawn.
     */
    private float renderDpi(int index, PDPage page, PDRectangle box, ImageLocator.Placed scan) {
        float renderDpi;
        if (scan != null) {
            int xDpi = (int) Math.round(scan.xDpi());
            int yDpi = (int) Math.round(scan.yDpi());
            if (Math.min(xDpi, yDpi) < limits.minDpi()) {
                throw new CaptureException(
                        CaptureError.RESOLUTION_TOO_LOW, "page " + index + " is " + xDpi + " × " + yDpi + " dpi");
            }
            renderDpi = Math.min(Math.max(xDpi, yDpi), limits.maxRenderDpi());
        } else {
            renderDpi = BORN_DIGITAL_DPI;
        }
        boolean swap = page.getRotation() % 180 != 0;
        double w = (swap ? box.getHeight() : box.getWidth()) / 72.0 * renderDpi;
        double h = (swap ? box.getWidth() : box.getHeight()) / 72.0 * renderDpi;
        if (scan == null && w * h > limits.maxPagePixels()) {
            // a drawing or born-digital page of a large format: rendered coarser to fit, never below the minimum
            float fit = (float) (renderDpi * Math.sqrt(limits.maxPagePixels() / (w * h)));
            if (fit >= limits.minDpi()) {
                w = w * fit / renderDpi;
                h = h * fit / renderDpi;
                renderDpi = (float) Math.floor(fit);
            }
        }
        if (w * h > limits.maxPagePixels()) {
            throw new CaptureException(
                    CaptureError.IMAGE_TOO_LARGE,
                    "page " + index + " would be " + Math.round(w) + " × " + Math.round(h) + " pixels at "
                            + Math.round(renderDpi) + " dpi");
        }
        return renderDpi;
    }

    /**
     * A scanner's page is one image filling the page: its pixels are the page, so they are decoded as they are (JPEG
     * through the fast decoder) instead of drawn by the renderer. Anything else — several images, a turned or clipped
     * image, a rotated page, a resolution above the render limit — takes the renderer's path.
     */
    private PageRaster direct(PDPage page, ImageLocator images, ImageLocator.Placed scan, float renderDpi)
            throws IOException {
        PDRectangle box = page.getCropBox();
        if (images.placed().size() != 1
                || !scan.upright()
                || page.getRotation() % 360 != 0
                || scan.area() < 0.97 * box.getWidth() * box.getHeight()
                || Math.max(scan.xDpi(), scan.yDpi()) > renderDpi + 1
                || !(scan.image() instanceof PDImageXObject x)
                || x.getSoftMask() != null
                || x.getDecode() != null
                || x.getCOSObject().containsKey(COSName.MASK)
                || x.isStencil()) {
            return null;
        }
        int xDpi = (int) Math.round(scan.xDpi()), yDpi = (int) Math.round(scan.yDpi());
        List<String> filters =
                x.getStream().getFilters().stream().map(f -> f.getName()).toList();
        if (filters.equals(List.of("DCTDecode")) && jpeg != null) {
            PDColorSpace cs = x.getColorSpace();
            if (cs.getNumberOfComponents() == 1 || cs.getNumberOfComponents() == 3) {
                byte[] data;
                try (var in = x.getStream().createInputStream(List.of("DCTDecode"))) {
                    data = in.readAllBytes();
                }
                PageRaster raster = jpeg.decode(data, xDpi, yDpi);
                if (raster != null && raster.width() == x.getWidth() && raster.height() == x.getHeight()) {
                    return raster;
                }
            }
            return null;
        }
        return PageRaster.of(x.getImage(), xDpi, yDpi);
    }

    /** The page's own text, word by word, in pixel coordinates at the render scale. */
    private List<Word> words(int index, float scale) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (text.isBlank() || positions.isEmpty()) {
                    return;
                }
                float left = Float.MAX_VALUE, right = 0, top = Float.MAX_VALUE, bottom = 0;
                for (TextPosition p : positions) {
                    left = Math.min(left, p.getXDirAdj());
                    right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                    top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                    bottom = Math.max(bottom, p.getYDirAdj());
                }
                words.add(new Word(
                        text.strip(),
                        Math.round(left * scale),
                        Math.round(top * scale),
                        Math.round(right * scale),
                        Math.round(bottom * scale),
                        100f));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(index);
        stripper.setEndPage(index);
        stripper.getText(document);
        return words;
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException ignored) {
            // nothing was written through this document
        }
    }
}
