package org.earchive.capture.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.xmpbox.xml.DomXmpParser;
import org.earchive.capture.infrastructure.verapdf.VeraPdfValidator;
import org.earchive.capture.pipeline.port.ImageCleaner.Appearance;
import org.earchive.capture.testing.FormScans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on 300 dpi Chinese form scans with known text and the defects a counter sees every day. */
class ChineseFormPipelineTest {
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
    void skewedUpsideDownFormWithSealBecomesAValidPdfAWithAccurateText() throws Exception {
        FormScans.Scan straight = FormScans.form(11, false);
        FormScans.Scan sealed = FormScans.form(12, true);
        BufferedImage skewed = FormScans.skew(straight.image(), 2.5);
        BufferedImage upsideDown = FormScans.upsideDown(FormScans.skew(sealed.image(), -1.2));
        Path input = FormScans.tiff(dir.resolve("受理材料.tif"), List.of(skewed, FormScans.blank(3), upsideDown), 300);
        Path out = dir.resolve("out");
        Files.createDirectories(out);

        CaptureResult r =
                pipeline.process(input, out, new Pipeline.Context("C202611300000042", "APPLICATION_FORM", "clerk"));

        assertNull(r.error(), () -> r.errorMessage());
        assertEquals(3, r.pages().size());
        PageOutcome first = r.pages().get(0),
                back = r.pages().get(1),
                third = r.pages().get(2);
        assertEquals(2.5, first.skewDegrees(), 0.15, "skew found");
        assertTrue(Math.abs(first.residualSkewDegrees()) <= 0.3, "residual skew " + first.residualSkewDegrees());
        assertEquals(Appearance.BITONAL, first.appearance(), "plain black text is kept bitonal");
        assertTrue(back.blank(), "the empty back side is blank");
        assertEquals(180, third.rotation(), "the upside-down sheet is turned");
        assertEquals(Appearance.COLOUR, third.appearance(), "the red seal keeps the page in colour");
        assertEquals(300, first.dpi());

        double cer1 = FormScans.characterErrorRate(straight.truth(), first.text());
        double cer3 = FormScans.characterErrorRate(sealed.truth(), third.text());
        assertTrue(
                cer1 < 0.03,
                "character error rate " + cer1 + " on\n" + first.text() + "\nexpected\n" + straight.truth());
        assertTrue(cer3 < 0.05, "character error rate " + cer3 + " on\n" + third.text());

        assertEquals(1, r.documents().size());
        Path pdf = r.documents().get(0).file();
        assertEquals(out.resolve("受理材料.pdf"), pdf);
        assertEquals(List.of(1, 3), r.documents().get(0).pages(), "the blank side is left out of the PDF");
        assertEquals(2, PipelineFixture.pdfPages(pdf));
        assertTrue(new VeraPdfValidator().validate(pdf).compliant(), "PDF/A-2b by veraPDF");
        String layer = PipelineFixture.pdfText(pdf).replaceAll("\\s+", "");
        assertTrue(layer.contains("公民身份号码"), "the invisible text layer is searchable: " + layer);

        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            // what a reviewer sees: black text on white paper (a G4 image with the wrong polarity would be a negative)
            BufferedImage seen = new PDFRenderer(d).renderImageWithDPI(0, 50, ImageType.GRAY);
            long sum = 0, dark = 0;
            for (int y = 0; y < seen.getHeight(); y++) {
                for (int x = 0; x < seen.getWidth(); x++) {
                    int v = seen.getRaster().getSample(x, y, 0);
                    sum += v;
                    dark += v < 100 ? 1 : 0;
                }
            }
            double mean = sum / (double) (seen.getWidth() * seen.getHeight());
            assertTrue(mean > 200, "mostly white paper, mean " + mean);
            assertTrue(dark > 500, "with dark text, " + dark + " dark pixels");
            var xmp = new DomXmpParser()
                    .parse(d.getDocumentCatalog().getMetadata().exportXMPMetadata());
            assertEquals(2, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("B", xmp.getPDFAIdentificationSchema().getConformance());
            assertEquals("C202611300000042", xmp.getDublinCoreSchema().getIdentifier());
            assertTrue(xmp.getDublinCoreSchema().getSubjects().contains("material:APPLICATION_FORM"));
            assertTrue(xmp.getDublinCoreSchema().getCreators().contains("clerk"));
            assertTrue(xmp.getDublinCoreSchema().getSource().contains(r.sha256()), "the original's digest is recorded");
        }
    }

    @Test
    void aJpegWithoutResolutionIsReadAtItsPaperSizesDpiAndItsFieldsWithTheirCheckDigits() throws Exception {
        // seed 7's ID ends in X: the character OCR loses most (issue 21)
        FormScans.Scan form = java.util.stream.LongStream.range(1, 400)
                .mapToObj(seed -> FormScans.form(seed, false))
                .filter(f -> FormScans.citizenId(f).endsWith("X"))
                .findFirst()
                .orElseThrow();
        Path input = dir.resolve("no-density.jpg");
        // ImageIO writes JFIF density 1×1 "aspect ratio only" when nothing is set: a scanner that records no dpi
        javax.imageio.ImageIO.write(form.image(), "jpg", input.toFile());
        Path out = dir.resolve("fields-out");
        Files.createDirectories(out);

        CaptureResult r = pipeline.process(input, out, Pipeline.Context.none());

        assertNull(r.error(), () -> r.errorMessage());
        PageOutcome page = r.pages().get(0);
        assertEquals(300, page.dpi(), "2480 × 3508 is an A4 page at 300 dpi");
        assertTrue(page.dpiInferred());
        assertEquals(FormScans.citizenId(form), page.fields().citizenId().value(), page.text());
        assertEquals(FormScans.name(form), page.fields().name().value(), page.text());
        assertTrue(page.fields().citizenId().confidence() > 50);
        assertFalse(page.fields().citizenId().boxes().isEmpty(), "the words it came from");
        assertTrue(page.fields().dates().stream().anyMatch(d -> d.readable()), "the application date");
        var sidecar = Sidecar.of(r).getJsonArray("pages").getJsonObject(0);
        assertTrue(sidecar.getBoolean("dpiInferred"));
        assertEquals(
                FormScans.citizenId(form),
                sidecar.getJsonObject("fields").getJsonObject("citizenId").getString("value"));
    }

    @Test
    void anEmployersCreditCodeIsReadWithItsCheckCharacter() throws Exception {
        List<FormScans.Scan> forms = List.of(FormScans.employerForm(61), FormScans.employerForm(62));
        Path input = FormScans.tiff(
                dir.resolve("employers.tif"),
                forms.stream().map(FormScans.Scan::image).toList(),
                300);
        Path out = Files.createDirectories(dir.resolve("employers-out"));

        CaptureResult r = pipeline.process(input, out, Pipeline.Context.none());

        assertNull(r.error(), () -> r.errorMessage());
        for (int i = 0; i < forms.size(); i++) {
            PageOutcome page = r.pages().get(i);
            assertEquals(
                    FormScans.creditCode(forms.get(i)),
                    page.fields().creditCode().value(),
                    page.text());
            assertEquals("用人单位社会保险登记表", page.fields().title().value());
        }
    }

    @Test
    void aSheetFedSidewaysIsTurnedUpright() throws Exception {
        FormScans.Scan form = FormScans.form(41, false);
        Path input = FormScans.tiff(dir.resolve("sideways.tif"), List.of(FormScans.sideways(form.image())), 300);

        CaptureResult r = pipeline.process(input, dir, Pipeline.Context.none());

        assertNull(r.error(), () -> r.errorMessage());
        assertEquals(90, r.pages().get(0).rotation());
        double cer = FormScans.characterErrorRate(form.truth(), r.pages().get(0).text());
        assertTrue(cer < 0.03, "character error rate " + cer);
    }

    @Test
    void aPhotographedSheetIsFlattenedAndRead() throws Exception {
        FormScans.Scan form = FormScans.form(21, false);
        Path input = dir.resolve("phone.png");
        ImageIO.write(FormScans.photographed(form.image()), "png", input.toFile());

        CaptureResult r = pipeline.process(input, dir, Pipeline.Context.none());

        assertNull(r.error(), () -> r.errorMessage());
        PageOutcome page = r.pages().get(0);
        assertTrue(page.flattened(), "the page outline was found and warped flat");
        double cer = FormScans.characterErrorRate(form.truth(), page.text());
        assertTrue(cer < 0.08, "character error rate " + cer + " on\n" + page.text());
        assertTrue(r.warnings().stream().noneMatch(w -> w.code().equals(CaptureWarning.LOW_RESOLUTION)));
    }

    @Test
    void coverSheetsSplitAStackAndABadCoverSheetDoesNot() throws Exception {
        FormScans.Scan a = FormScans.form(31, false);
        FormScans.Scan b = FormScans.form(32, false);
        Path input = FormScans.tiff(
                dir.resolve("stack.tif"),
                List.of(
                        FormScans.coverSheet("EARCHIVE:C202611300000007:ID_CARD"),
                        a.image(),
                        FormScans.coverSheet("EARCHIVE:C202611300000007:HOUSEHOLD_REGISTER"),
                        b.image(),
                        FormScans.coverSheet("EARCHIVE:C202613450000007:ID_CARD")),
                300);

        CaptureResult r = pipeline.process(input, dir, Pipeline.Context.none());

        assertNull(r.error(), () -> r.errorMessage());
        assertEquals(2, r.documents().size());
        assertEquals("ID_CARD", r.documents().get(0).material());
        assertEquals("C202611300000007", r.documents().get(0).caseNumber());
        assertEquals(List.of(2), r.documents().get(0).pages());
        assertEquals("HOUSEHOLD_REGISTER", r.documents().get(1).material());
        assertEquals(List.of(4, 5), r.documents().get(1).pages(), "a cover with a 13th month is a normal page");
        assertTrue(r.pages().get(0).separator());
        assertFalse(r.pages().get(4).separator());
        assertTrue(r.warnings().stream()
                .anyMatch(w -> w.code().equals(CaptureWarning.INVALID_COVER_SHEET) && w.page() == 5));
    }

    /**
     * A scanner's PDF (one JPEG per page, as counter scanners make them): a page without colour is decoded straight to
     * grey, and the reduced look for colour first must still keep a red seal in colour and read cover sheets.
     */
    @Test
    void aScannersJpegPagesKeepTheirSealInColourAndPlainTextBitonal() throws Exception {
        FormScans.Scan plain = FormScans.form(51, false);
        FormScans.Scan sealed = FormScans.form(52, true);
        Path input = dir.resolve("scanner.pdf");
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image :
                    List.of(FormScans.coverSheet("EARCHIVE:C202612010000003:ID_CARD"), plain.image(), sealed.image())) {
                float w = image.getWidth() * 72f / 300, h = image.getHeight() * 72f / 300;
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                var jpeg = JPEGFactory.createFromImage(doc, image, 0.85f, 300);
                try (var c = new PDPageContentStream(doc, page)) {
                    c.drawImage(jpeg, 0, 0, w, h);
                }
            }
            doc.save(input.toFile());
        }
        Path out = dir.resolve("scanner-out");
        Files.createDirectories(out);

        CaptureResult r = pipeline.process(input, out, Pipeline.Context.none());

        assertNull(r.error(), () -> r.errorMessage());
        assertTrue(r.pages().get(0).separator(), "the cover sheet is read");
        assertEquals("C202612010000003", r.documents().get(0).caseNumber());
        assertEquals(Appearance.BITONAL, r.pages().get(1).appearance(), "plain black text is kept bitonal");
        assertEquals(Appearance.COLOUR, r.pages().get(2).appearance(), "the red seal keeps the page in colour");
        for (int i = 1; i <= 2; i++) {
            FormScans.Scan truth = i == 1 ? plain : sealed;
            double cer =
                    FormScans.characterErrorRate(truth.truth(), r.pages().get(i).text());
            assertTrue(cer < 0.03, "page " + (i + 1) + ": character error rate " + cer);
        }
        assertTrue(new VeraPdfValidator().validate(r.documents().get(0).file()).compliant(), "PDF/A-2b by veraPDF");
    }
}
