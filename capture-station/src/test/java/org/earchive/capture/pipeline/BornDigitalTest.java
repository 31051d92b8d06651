package org.earchive.capture.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.earchive.capture.infrastructure.verapdf.VeraPdfValidator;
import org.earchive.pdfa.PdfA;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A born-digital PDF through server-side capture keeps its pages as they are (vector text, no page image) and passes
 * veraPDF; one that cannot (a font not embedded) and every station scan go the drawn path, their text kept.
 */
class BornDigitalTest {
    private static Pipeline pipeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pipeline = PipelineFixture.pipeline("chi_sim");
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    @Test
    void aBornDigitalPdfWithEmbeddedFontsKeepsItsVectorPagesAndText() throws Exception {
        Path input = exported(dir.resolve("export.pdf"), true);
        CaptureResult r = pipeline.process(
                input, dir.resolve("out"), "export", new Pipeline.Context("C1", "APPLICATION_FORM", "it", 0, true));
        assertNull(r.error(), r.errorMessage());
        Path out = r.documents().get(0).file();
        assertEquals(0, images(out), "no page was drawn: the vectors are kept");
        assertTrue(PipelineFixture.pdfText(out).contains("参保登记表"), PipelineFixture.pdfText(out));
        assertEquals(100f, r.pages().get(0).confidence());
        assertTrue(new VeraPdfValidator().validate(out).compliant(), "PDF/A-2b");
        assertEquals(2, PipelineFixture.pdfPages(out));
    }

    @Test
    void aFontThatIsNotEmbeddedOrAStationScanIsDrawnWithItsTextKept() throws Exception {
        Path notEmbedded = exported(dir.resolve("helvetica.pdf"), false);
        CaptureResult r = pipeline.process(
                notEmbedded, dir.resolve("out"), "helvetica", new Pipeline.Context(null, null, "it", 0, true));
        assertNull(r.error(), r.errorMessage());
        assertTrue(images(r.documents().get(0).file()) > 0, "drawn: a font that is not embedded is not PDF/A");
        assertTrue(PipelineFixture.pdfText(r.documents().get(0).file()).contains("Application form"));

        Path embedded = exported(dir.resolve("station.pdf"), true);
        CaptureResult station = pipeline.process(embedded, dir.resolve("out"), "station", Pipeline.Context.none());
        assertNull(station.error(), station.errorMessage());
        assertTrue(images(station.documents().get(0).file()) > 0, "a station's input is always drawn");
        assertFalse(station.documents().isEmpty());
    }

    /** An office export: two A4 pages of text, the font embedded (WenQuanYi, CJK) or not (Helvetica). */
    private static Path exported(Path file, boolean embedded) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PdfA.EmbeddedFont cjk = embedded ? PdfA.embedCjkFont(doc, PdfA.CJK_FONT) : null;
            try {
                PDFont font = embedded ? cjk.font() : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                String[] lines = embedded
                        ? new String[] {"社会保险参保登记表", "姓名 王芳 公民身份号码 11010519491231002X"}
                        : new String[] {"Application form", "Name Wang Fang"};
                for (int p = 0; p < 2; p++) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                        c.beginText();
                        c.setFont(font, 18);
                        c.newLineAtOffset(72, 760);
                        for (String line : lines) {
                            c.showText(line);
                            c.newLineAtOffset(0, -30);
                        }
                        c.endText();
                    }
                }
                doc.save(file.toFile());
            } finally {
                if (cjk != null) {
                    cjk.close();
                }
            }
        }
        return file;
    }

    private static int images(Path pdf) throws Exception {
        int n = 0;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : d.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
