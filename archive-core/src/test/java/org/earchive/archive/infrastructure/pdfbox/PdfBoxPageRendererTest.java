package org.earchive.archive.infrastructure.pdfbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.earchive.archive.domain.service.PageRenderer;
import org.junit.jupiter.api.Test;

class PdfBoxPageRendererTest {
    private final PdfBoxPageRenderer renderer = new PdfBoxPageRenderer();

    private static byte[] blankPdf(int pages) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage(PDRectangle.A4));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static double redShare(BufferedImage image) {
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) - ((rgb >> 8) & 0xff) > 30) {
                    red++;
                }
            }
        }
        return (double) red / (image.getWidth() * image.getHeight());
    }

    @Test
    void aPdfPageIsRenderedAtTheAskedResolutionWithAVisibleWatermark() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        int pages = renderer.render(
                new ByteArrayInputStream(blankPdf(2)), "application/pdf", 2, 72, "archivist 2026-11-30 21:00", png);
        assertEquals(2, pages);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertEquals(595, image.getWidth(), 1);
        double share = redShare(image);
        assertTrue(share > 0.01 && share < 0.6, "watermark covers " + share);
    }

    @Test
    void aTiffScanIsSubsampledAndAMissingPageIsRefused() throws Exception {
        BufferedImage scan = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        ImageIO.write(scan, "tiff", tiff);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        assertEquals(
                1,
                renderer.render(new ByteArrayInputStream(tiff.toByteArray()), "image/tiff", 1, 100, "reviewer", png));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertTrue(image.getWidth() <= 2480 / 3 + 1, "read at about 100 dpi: " + image.getWidth());
        assertThrows(
                PageRenderer.NoSuchPage.class,
                () -> renderer.render(
                        new ByteArrayInputStream(tiff.toByteArray()),
                        "image/tiff",
                        2,
                        100,
                        "reviewer",
                        OutputStream.nullOutputStream()));
        assertEquals(1, renderer.renders(new ByteArrayInputStream(tiff.toByteArray()), "image/tiff"));
    }

    @Test
    void contentThatIsNotAnImageOrPdfDoesNotRender() {
        assertThrows(
                IOException.class,
                () -> renderer.renders(new ByteArrayInputStream("not an image".getBytes()), "image/jpeg"));
    }
}
