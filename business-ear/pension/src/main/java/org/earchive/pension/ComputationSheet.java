package org.earchive.pension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.earchive.pdfa.PdfA;
import org.earchive.pdfa.PdfAIdentity;
import org.earchive.pdfa.PdfAText;

/**
 * The computation sheet (养老金核定表) as PDF/A-2b through the PDF/A kit: text in an embedded CJK font (WenQuanYi Zen
 * Hei, the font the launcher installs), XMP identification, an sRGB output intent. The archive's four-property check validates it with
 * veraPDF like any other file.
 */
final class ComputationSheet {
    static final Path FONT = Path.of(System.getProperty("earchive.pension.font", PdfA.CJK_FONT.toString()));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ComputationSheet() {}

    static byte[] render(String title, List<String> lines, String caseNumber, String reviewer, Instant at, ZoneId zone)
            throws IOException {
        if (!Files.isReadable(FONT)) {
            throw new IOException("the CJK font " + FONT + " is not installed (Debian package fonts-wqy-zenhei)");
        }
        return PdfAText.page(
                new PdfAIdentity(
                        title,
                        reviewer,
                        caseNumber,
                        List.of("case:" + caseNumber, "material:" + PensionService.SHEET),
                        null,
                        null,
                        "earchive pension",
                        "earchive pension",
                        at,
                        zone,
                        PdfA.documentId(caseNumber + "|" + at + "|" + String.join("\n", lines))),
                lines,
                "核定人 Reviewer: " + reviewer + "    核定时间 Computed: " + MINUTE.format(at.atZone(zone)),
                FONT);
    }
}
