package org.earchive.archive.infrastructure.pdfbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.earchive.archive.domain.service.ArchivalReadiness;

/**
 * A PDF is archive-ready when its XMP metadata names a PDF/A part ({@code pdfaid:part}) and its first page has a text
 * layer (a font in its resources; nothing of the page is drawn or decoded, so the check costs a parse of the file's
 * structure).
 * Spooled to a temporary file: any size is read with bounded memory. A PDF PDFBox cannot open is not ready (the
 * capture worker then reports what is wrong with it).
 */
@ApplicationScoped
public class PdfBoxArchivalReadiness implements ArchivalReadiness {
    @Override
    public boolean archiveReady(InputStream content, String contentType) throws IOException {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/pdf")) {
            return false;
        }
        Path spool = Files.createTempFile("earchive-ready", ".pdf");
        try {
            Files.copy(content, spool, StandardCopyOption.REPLACE_EXISTING);
            try (PDDocument pdf =
                    Loader.loadPDF(spool.toFile(), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
                if (pdf.isEncrypted() || pdf.getNumberOfPages() == 0 || !declaresPdfA(pdf)) {
                    return false;
                }
                // a text layer needs a font: the first page naming none has no text (no page content is decoded)
                PDResources resources = pdf.getPage(0).getResources();
                return resources != null && resources.getFontNames().iterator().hasNext();
            } catch (IOException e) {
                return false; // unreadable here: the worker's pipeline names the fault
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static boolean declaresPdfA(PDDocument pdf) throws IOException {
        PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return false;
        }
        try (InputStream in = metadata.exportXMPMetadata()) {
            String xmp = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
            return xmp.contains("pdfaid:part") || xmp.contains("pdfaid/part");
        }
    }
}
