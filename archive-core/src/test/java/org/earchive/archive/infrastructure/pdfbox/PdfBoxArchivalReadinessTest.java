package org.earchive.archive.infrastructure.pdfbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Which uploads are taken as the archival copy as they are, and which go through server-side capture. */
class PdfBoxArchivalReadinessTest {
    private final PdfBoxArchivalReadiness readiness = new PdfBoxArchivalReadiness();

    @Test
    void aPdfADeclaredWithATextLayerIsReady() throws Exception {
        assertTrue(ready(pdf(true, true)));
    }

    @Test
    void aPlainPdfWithTextIsNot() throws Exception {
        assertFalse(ready(pdf(false, true)), "no PDF/A identification");
    }

    @Test
    void aDeclaredPdfAOfImagesOnlyIsNot() throws Exception {
        assertFalse(ready(pdf(true, false)), "no text layer: it needs OCR");
    }

    @Test
    void anImageOrBrokenBytesAreNot() throws Exception {
        assertFalse(
                readiness.archiveReady(new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xD8}), "image/jpeg"));
        assertFalse(ready("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII)));
    }

    private boolean ready(byte[] pdf) throws Exception {
        return readiness.archiveReady(new ByteArrayInputStream(pdf), "application/pdf");
    }

    private static byte[] pdf(boolean declared, boolean text) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                if (text) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText("application form");
                    content.endText();
                } else {
                    content.addRect(72, 72, 200, 200);
                    content.fill();
                }
            }
            if (declared) {
                String xmp =
                        "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
                                + " rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"2\""
                                + " pdfaid:conformance=\"B\"/></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
                PDMetadata metadata = new PDMetadata(doc);
                metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
                doc.getDocumentCatalog().setMetadata(metadata);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
