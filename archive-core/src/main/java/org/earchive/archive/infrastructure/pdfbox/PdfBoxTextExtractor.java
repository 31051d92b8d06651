package org.earchive.archive.infrastructure.pdfbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.earchive.archive.domain.service.TextExtractor;

/**
 * The text layer of a PDF through PDFBox (the invisible OCR words the station wrote, or a born-digital PDF's text),
 * whitespace collapsed, capped at {@link #MAX_CHARS}. Scratch data goes to temporary files, not the heap.
 */
@ApplicationScoped
public class PdfBoxTextExtractor implements TextExtractor {
    @Override
    public String extract(InputStream content, String contentType) throws IOException {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/pdf")) {
            return "";
        }
        // spooled to a temporary file: a PDF of any size is read with bounded memory
        java.nio.file.Path spool = java.nio.file.Files.createTempFile("earchive-text", ".pdf");
        try (PDDocument pdf = load(content, spool)) {
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= pdf.getNumberOfPages() && text.length() < MAX_CHARS; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                text.append(stripper.getText(pdf).replaceAll("\\s+", " ").strip())
                        .append('\n');
            }
            return text.length() > MAX_CHARS
                    ? text.substring(0, MAX_CHARS)
                    : text.toString().strip();
        } finally {
            java.nio.file.Files.deleteIfExists(spool);
        }
    }

    private static PDDocument load(InputStream content, java.nio.file.Path spool) throws IOException {
        java.nio.file.Files.copy(content, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Loader.loadPDF(spool.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }
}
