package org.earchive.archive.infrastructure.pdfbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.earchive.archive.domain.service.PageRenderer;

/**
 * PDFBox for PDF pages, ImageIO for scans (TIFF pages, JPEG, PNG). Images are subsampled while they are read and the
 * output is capped at {@link #MAX_PIXELS}, so memory stays bounded whatever the page.
 */
@ApplicationScoped
public class PdfBoxPageRenderer implements PageRenderer {
    static final long MAX_PIXELS = 12_000_000L;
    private static final int CHECK_DPI = 24;

    @Override
    public int render(InputStream content, String contentType, int page, int dpi, String watermark, OutputStream png)
            throws IOException {
        int bounded = Math.max(24, Math.min(dpi, 300));
        BufferedImage image;
        int pages;
        if (isPdf(contentType)) {
            try (Spooled file = Spooled.of(content);
                    PDDocument doc = load(file)) {
                pages = doc.getNumberOfPages();
                requirePage(page, pages);
                var box = doc.getPage(page - 1).getMediaBox();
                double area = (double) box.getWidth() / 72 * box.getHeight() / 72;
                float scaleDpi = (float) Math.min(bounded, Math.sqrt(MAX_PIXELS / Math.max(area, 1e-6)));
                image = new PDFRenderer(doc).renderImageWithDPI(page - 1, scaleDpi, ImageType.RGB);
            }
        } else {
            try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
                ImageReader reader = reader(in);
                try {
                    reader.setInput(in, false, true);
                    pages = reader.getNumImages(true);
                    requirePage(page, pages);
                    int w = reader.getWidth(page - 1);
                    int h = reader.getHeight(page - 1);
                    int step = (int) Math.ceil(Math.sqrt((double) w * h / MAX_PIXELS));
                    step = Math.max(step, Math.max(1, 300 / bounded));
                    ImageReadParam param = reader.getDefaultReadParam();
                    param.setSourceSubsampling(step, step, 0, 0);
                    BufferedImage read = reader.read(page - 1, param);
                    image = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_RGB);
                    Graphics2D g = image.createGraphics();
                    g.drawImage(read, 0, 0, null);
                    g.dispose();
                } finally {
                    reader.dispose();
                }
            }
        }
        watermark(image, watermark);
        ImageIO.write(image, "png", png);
        return pages;
    }

    @Override
    public int renders(InputStream content, String contentType) throws IOException {
        if (isPdf(contentType)) {
            try (Spooled file = Spooled.of(content);
                    PDDocument doc = load(file)) {
                PDFRenderer renderer = new PDFRenderer(doc);
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    renderer.renderImageWithDPI(i, CHECK_DPI, ImageType.GRAY);
                }
                return doc.getNumberOfPages();
            }
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, false, true);
                int pages = reader.getNumImages(true);
                for (int i = 0; i < pages; i++) {
                    ImageReadParam param = reader.getDefaultReadParam();
                    int step = Math.max(1, (int)
                            Math.ceil(Math.sqrt((double) reader.getWidth(i) * reader.getHeight(i) / 1_000_000)));
                    param.setSourceSubsampling(step, step, 0, 0);
                    reader.read(i, param);
                }
                return pages;
            } finally {
                reader.dispose();
            }
        }
    }

    /** A PDF is read from a temporary file, never held in memory whole. */
    private record Spooled(Path path) implements AutoCloseable {
        static Spooled of(InputStream content) throws IOException {
            Path path = Files.createTempFile("earchive-render", ".pdf");
            try {
                Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
                return new Spooled(path);
            } catch (IOException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(path);
        }
    }

    private static PDDocument load(Spooled file) throws IOException {
        return Loader.loadPDF(file.path().toFile(), null, null, null, IOUtils.createTempFileOnlyStreamCache());
    }

    private static boolean isPdf(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/pdf");
    }

    private static ImageReader reader(ImageInputStream in) throws IOException {
        if (in == null) {
            throw new IOException("the content cannot be read as an image");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("no reader for this image format");
        }
        return readers.next();
    }

    private static void requirePage(int page, int pages) throws NoSuchPage {
        if (page < 1 || page > pages) {
            throw new NoSuchPage(
                    "第 " + page + " 页不存在，共 " + pages + " 页。There is no page " + page + ": the file has " + pages + ".");
        }
    }

    /** The reader and the time, repeated diagonally over the page, light enough to read through. */
    static void watermark(BufferedImage image, String text) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int size = Math.max(12, Math.min(image.getWidth(), image.getHeight()) / 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.28f));
            g.setColor(new Color(200, 0, 0));
            g.rotate(-Math.PI / 6, image.getWidth() / 2.0, image.getHeight() / 2.0);
            int width = g.getFontMetrics().stringWidth(text) + size * 3;
            int diagonal = (int) Math.hypot(image.getWidth(), image.getHeight());
            for (int y = -diagonal; y < diagonal * 2; y += size * 5) {
                for (int x = -diagonal; x < diagonal * 2; x += width) {
                    g.drawString(text, x, y);
                }
            }
        } finally {
            g.dispose();
        }
    }
}
