package org.earchive.pdfa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A printable list as PDF/A-2b on landscape A4 pages: the agency's header, the list's title and what it covers, a
 * table whose header repeats on every page, lines for signatures after the last row, and "page n of m" with the time
 * printed. Cells too long for their column are cut with an ellipsis (the list names things; the archive holds them).
 */
public final class PdfATable {
    private static final float MARGIN = 40;
    private static final float ROW = 18;
    private static final float TEXT = 9.5f;

    private PdfATable() {}

    /**
     * What to print. {@code widths} are the columns' shares of the page's width; {@code signatures} are the lines under
     * the table (制表人, 审核人, …), each followed by a blank to sign on.
     */
    public record Listing(
            String agency,
            String title,
            String subtitle,
            List<String> headers,
            float[] widths,
            List<List<String>> rows,
            List<String> signatures,
            String printed) {}

    public static byte[] write(PdfAIdentity identity, Listing listing, Path fontFile) throws IOException {
        try (PDDocument doc = new PDDocument();
                PdfA.EmbeddedFont embedded = PdfA.embedCjkFont(doc, fontFile)) {
            PDFont font = embedded.font();
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            float width = size.getWidth() - 2 * MARGIN;
            float[] columns = columns(listing.widths(), width);
            int perPage = (int) ((size.getHeight() - 2 * MARGIN - 110) / ROW);
            List<List<List<String>>> pages = new ArrayList<>();
            for (int i = 0; i < Math.max(1, listing.rows().size()); i += perPage) {
                pages.add(listing.rows()
                        .subList(
                                Math.min(i, listing.rows().size()),
                                Math.min(i + perPage, listing.rows().size())));
            }
            boolean signaturesOwnPage = !pages.get(pages.size() - 1).isEmpty()
                    && pages.get(pages.size() - 1).size() > perPage - 3;
            if (signaturesOwnPage) {
                pages.add(List.of());
            }
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    float y = size.getHeight() - MARGIN;
                    centred(s, font, 16, listing.agency(), size.getWidth(), y);
                    centred(s, font, 14, listing.title(), size.getWidth(), y - 24);
                    text(s, font, TEXT, listing.subtitle(), MARGIN, y - 46);
                    y -= 70;
                    y = row(s, font, listing.headers(), columns, y, true);
                    for (List<String> r : pages.get(p)) {
                        y = row(s, font, r, columns, y, false);
                    }
                    if (p == pages.size() - 1) {
                        y -= ROW * 1.5f;
                        StringBuilder line = new StringBuilder();
                        for (String who : listing.signatures()) {
                            line.append(who).append("：__________________    ");
                        }
                        text(s, font, 10.5f, line.toString().strip(), MARGIN, y);
                    }
                    text(
                            s,
                            font,
                            8,
                            listing.printed() + "    第 " + (p + 1) + " 页 / 共 " + pages.size() + " 页",
                            MARGIN,
                            MARGIN - 16);
                }
            }
            PdfA.identify(doc, identity);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static float[] columns(float[] shares, float width) {
        float total = 0;
        for (float f : shares) {
            total += f;
        }
        float[] columns = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            columns[i] = width * shares[i] / total;
        }
        return columns;
    }

    /** One row of cells with its rule underneath; returns where the next row starts. */
    private static float row(
            PDPageContentStream s, PDFont font, List<String> cells, float[] columns, float y, boolean head)
            throws IOException {
        float x = MARGIN;
        for (int i = 0; i < columns.length; i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            text(s, font, head ? TEXT + 0.5f : TEXT, fit(font, TEXT, cell, columns[i] - 6), x + 3, y - 13);
            x += columns[i];
        }
        s.setLineWidth(head ? 1f : 0.4f);
        s.moveTo(MARGIN, y - ROW);
        s.lineTo(x, y - ROW);
        s.stroke();
        return y - ROW;
    }

    private static String fit(PDFont font, float size, String text, float width) throws IOException {
        if (width(font, size, text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && width(font, size, cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static void centred(PDPageContentStream s, PDFont font, float size, String text, float pageWidth, float y)
            throws IOException {
        text(s, font, size, text, (pageWidth - width(font, size, text)) / 2, y);
    }

    private static void text(PDPageContentStream s, PDFont font, float size, String text, float x, float y)
            throws IOException {
        if (text == null || text.isEmpty()) {
            return;
        }
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }
}
