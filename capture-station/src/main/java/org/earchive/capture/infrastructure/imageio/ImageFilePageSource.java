package org.earchive.capture.infrastructure.imageio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import org.earchive.capture.pipeline.CaptureError;
import org.earchive.capture.pipeline.CaptureException;
import org.earchive.capture.pipeline.CaptureLimits;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.PageSource;
import org.earchive.capture.pipeline.SourcePage;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pages of an image file (TIFF, also multi-page; JPEG; PNG; BMP; GIF) through ImageIO. A page's size is read from
 * its header and checked against the pixel limit before its pixels are decoded.
 */
public final class ImageFilePageSource implements PageSource {
    private final ImageInputStream input;
    private final ImageReader reader;
    private final CaptureLimits limits;
    private final int pages;

    public ImageFilePageSource(Path file, CaptureLimits limits) {
        this.limits = limits;
        try {
            input = ImageIO.createImageInputStream(file.toFile());
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                if (input != null) {
                    input.close();
                }
                throw new CaptureException(CaptureError.UNSUPPORTED_FORMAT, "no image reader for this file");
            }
            reader = readers.next();
            reader.setInput(input, false, false);
            pages = reader.getNumImages(true);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CaptureException ce) {
                throw ce;
            }
            throw new CaptureException(CaptureError.INVALID_IMAGE, e.getMessage(), e);
        }
        if (pages < 1) {
            close();
            throw new CaptureException(CaptureError.NO_PAGES, null);
        }
    }

    @Override
    public int pageCount() {
        return pages;
    }

    @Override
    public SourcePage read(int index) {
        try {
            int i = index - 1;
            long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
            if (pixels > limits.maxPagePixels()) {
                throw new CaptureException(
                        CaptureError.IMAGE_TOO_LARGE,
                        "page " + index + " is " + reader.getWidth(i) + " × " + reader.getHeight(i) + " pixels");
            }
            int[] dpi = resolution(reader.getImageMetadata(i));
            if (dpi[0] > 0 && Math.min(dpi[0], dpi[1]) < limits.minDpi()) {
                throw new CaptureException(
                        CaptureError.RESOLUTION_TOO_LOW, "page " + index + " is " + dpi[0] + " × " + dpi[1] + " dpi");
            }
            BufferedImage image = reader.read(i);
            return new SourcePage(index, PageRaster.of(image, dpi[0], dpi[1]), null);
        } catch (CaptureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CaptureException(CaptureError.INVALID_IMAGE, "page " + index + ": " + e.getMessage(), e);
        }
    }

    /** Horizontal and vertical dpi from the standard metadata tree; {0, 0} when the file does not say. */
    private static int[] resolution(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return new int[] {0, 0};
        }
        var root = (Element) metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        double h = millimetres(root.getElementsByTagName("HorizontalPixelSize"));
        double v = millimetres(root.getElementsByTagName("VerticalPixelSize"));
        if (h <= 0 || v <= 0) {
            return new int[] {0, 0};
        }
        int x = (int) Math.round(25.4 / h);
        int y = (int) Math.round(25.4 / v);
        // 72 and 96 dpi are what software writes when it knows nothing (screenshots, phone photos): treat as unknown
        if ((x == 72 && y == 72) || (x == 96 && y == 96) || x <= 1 || y <= 1) {
            return new int[] {0, 0};
        }
        return new int[] {x, y};
    }

    private static double millimetres(NodeList nodes) {
        if (nodes.getLength() == 0) {
            return 0;
        }
        try {
            return Double.parseDouble(((Element) nodes.item(0)).getAttribute("value"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try {
            reader.dispose();
            input.close();
        } catch (IOException | RuntimeException ignored) {
            // read-only
        }
    }
}
