package org.earchive.pdfa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** A one-page A4 text document as PDF/A-2b (a heading, lines, a closing line), for sheets a module computes. */
public final class PdfAText {
    private PdfAText() {}

    /** The document's bytes; the title of {@code identity} is its heading. */
    public static byte[] page(PdfAIdentity identity, List<String> lines, String closing, Path fontFile)
            throws IOException {
        try (PDDocument doc = new PDDocument();
                PdfA.EmbeddedFont embedded = PdfA.embedCjkFont(doc, fontFile)) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(embedded.font(), 16);
                s.newLineAtOffset(60, 780);
                s.showText(identity.title());
                s.setFont(embedded.font(), 10.5f);
                s.setLeading(17);
                s.newLine();
                s.newLine();
                for (String line : lines) {
                    s.showText(line);
                    s.newLine();
                }
                s.newLine();
                s.showText(closing);
                s.endText();
            }
            PdfA.identify(doc, identity);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
