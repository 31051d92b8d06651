package org.earchive.pdfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kit writes is PDF/A-2b by veraPDF; what it is not, the report says where and why. */
class PdfAKitTest {
    @TempDir
    Path dir;

    static PdfAIdentity identity(String title) {
        return new PdfAIdentity(
                title,
                "reviewer1",
                "C202612060000001",
                List.of("case:C202612060000001"),
                null,
                null,
                "earchive test",
                "earchive test",
                Instant.parse("2026-12-06T08:00:00Z"),
                ZoneId.of("Asia/Shanghai"),
                PdfA.documentId(title));
    }

    @Test
    void aTextSheetIsPdfA2b() throws IOException {
        assumeTrue(Files.isReadable(PdfA.CJK_FONT), "the CJK font is not installed");
        byte[] pdf = PdfAText.page(identity("养老金核定表"), List.of("基本养老金 1,234.56 元"), "核定人 reviewer1", PdfA.CJK_FONT);
        ValidationReport declared = PdfAValidation.validateDeclared(new ByteArrayInputStream(pdf));
        assertEquals("2b", declared.flavour());
        assertTrue(declared.compliant(), declared.summary(5));
        assertEquals(List.of(), declared.violations());
        Path file = Files.write(dir.resolve("sheet.pdf"), pdf);
        assertTrue(PdfAValidation.validate(file, "2b").compliant());
    }

    @Test
    void aFontNotEmbeddedIsNamedWithItsClauseAndPage() throws IOException {
        Path file = dir.resolve("helvetica.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            PDPage second = new PDPage();
            doc.addPage(second);
            try (PDPageContentStream s = new PDPageContentStream(doc, second)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(72, 700);
                s.showText("not embedded");
                s.endText();
            }
            PdfA.identify(doc, identity("helvetica"));
            doc.save(file.toFile());
        }
        ValidationReport report = PdfAValidation.validate(file, "2b");
        assertFalse(report.compliant());
        ValidationReport.Violation font = report.violations().stream()
                .filter(v -> v.clause().startsWith("6.2.11.4"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(report.summary(10)));
        assertEquals(2, font.page(), font.toString());
        assertTrue(font.ruleId().startsWith(font.clause() + "-"), font.toString());
        assertTrue(font.count() >= 1);
    }

    @Test
    void aPlainPdfIsNotPdfAAndJunkIsUnreadable() throws IOException {
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(plain.toFile());
        }
        ValidationReport none = PdfAValidation.validateDeclared(Files.newInputStream(plain));
        assertEquals("", none.flavour());
        assertFalse(none.compliant());
        assertEquals("pdfaid", none.violations().get(0).ruleId(), none.summary(3));

        Path junk = Files.writeString(dir.resolve("junk.pdf"), "%PDF-1.7 not really");
        ValidationReport unreadable = PdfAValidation.validate(junk, "2b");
        assertFalse(unreadable.compliant());
        assertEquals("parse", unreadable.violations().get(0).ruleId());
    }
}
