package org.earchive.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.earchive.capture.infrastructure.pdfbox.PdfAWriter;
import org.earchive.capture.pipeline.ArchivalPage;
import org.earchive.capture.pipeline.DocumentMetadata;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.earchive.capture.pipeline.port.OcrEngine;

/** Test files made on the fly, so no run depends on files outside the repository. */
final class Samples {
    private Samples() {}

    /**
     * A one-page PDF/A-2b as the capture station writes it (page image, invisible text layer holding {@code title} and a
     * unique id, so bytes differ per call), which passes the four-property check at archiving.
     */
    static byte[] pdf(String title) {
        String text = title + " " + UUID.randomUUID();
        int dpi = 100;
        PageRaster page = new PageRaster(850, 1100, 1, white(850 * 1100), dpi, dpi);
        List<OcrEngine.Word> words = new ArrayList<>();
        int x = 80;
        int y = 120;
        for (String w : text.split("\\s+")) {
            int width = 14 * w.length() + 10;
            if (x + width > 800) {
                x = 80;
                y += 40;
            }
            words.add(new OcrEngine.Word(w, x, y, x + width, y + 24, 90f));
            x += width + 14;
        }
        return pdfa(page, words, title);
    }

    /** One bitonal page as the capture station writes it: PDF/A-2b, the words in an invisible text layer. */
    static byte[] pdfa(PageRaster page, List<OcrEngine.Word> words, String title) {
        try (PdfAWriter writer = new PdfAWriter(Path.of(PdfAWriter.DEFAULT_FONT))) {
            writer.addPage(new ArchivalPage(page, ImageCleaner.Appearance.BITONAL, words));
            Path file = Files.createTempFile("sample", ".pdf");
            try {
                writer.save(file, new DocumentMetadata(title, null, null, "it", "it", Instant.now(), "sample", null));
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] white(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 255);
        return b;
    }

    /** A small, valid, single-page PDF that is not PDF/A (no identification, no embedded font, no output intent). */
    static byte[] plainPdf(String title) {
        String text = (title + " " + UUID.randomUUID()).replaceAll("[^\\x20-\\x7e]", "?");
        String stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
