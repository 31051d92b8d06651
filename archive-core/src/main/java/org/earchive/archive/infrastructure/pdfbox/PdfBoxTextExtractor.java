package org.earchive.archive.infrastructure.pdfbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Path spool = Files.createTempFile("earchive-text", ".pdf");
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
            Files.deleteIfExists(spool);
        }
    }

    private static PDDocument load(InputStream content, Path spool) throws IOException {
        Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
        return Loader.loadPDF(spool.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }
}
