package org.earchive.capture.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.earchive.capture.testing.FormScans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real files from OCRmyPDF's and paperless-ngx's test suites ({@code ../shared/corpus}, never copied here): scanner
 * PDFs, skew and orientation, CCITT and JBIG2, patch codes and barcodes, broken and hostile files. Skipped when the
 * corpus is absent. The texts are English, so OCR runs with {@code eng}.
 */
class CorpusPipelineTest {
    private static Pipeline pipeline;

    @TempDir
    Path out;

    @BeforeAll
    static void start() {
        assumeTrue(PipelineFixture.corpusPresent(), "corpus not present: " + PipelineFixture.CORPUS.toAbsolutePath());
        // pages from elsewhere, some in two columns: Tesseract's fully automatic layout (PSM 3)
        pipeline = PipelineFixture.pipeline(PipelineFixture.settings("eng").withPageSegmentation(3));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private CaptureResult run(String file) {
        return pipeline.process(PipelineFixture.corpus(file), out, Pipeline.Context.none());
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @CsvSource({
        "paperless/password-is-test.pdf, ENCRYPTED_PDF",
        "ocrmypdf/invalid.pdf, INVALID_PDF",
        "ocrmypdf/hugemono.pdf, IMAGE_TOO_LARGE",
        "ocrmypdf/enormous.pdf, IMAGE_TOO_LARGE",
        "ocrmypdf/linn.txt, UNSUPPORTED_FORMAT",
        "paperless/simple.tiff, RESOLUTION_TOO_LOW",
        "ocrmypdf/aspect.pdf, RESOLUTION_TOO_LOW",
        "ocrmypdf/blank.pdf, ALL_PAGES_BLANK",
        "ocrmypdf/trivial.pdf, ALL_PAGES_BLANK"
    })
    void badInputGetsItsCodeAndLeavesNothingBehind(String file, CaptureError expected) throws Exception {
        Path source = PipelineFixture.corpus(file);
        byte[] before = Files.readAllBytes(source);
        CaptureResult r = run(file);
        assertEquals(expected, r.error(), r.errorMessage());
        assertTrue(r.errorMessage().startsWith(expected.message()), "the message tells what to do");
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "no partial output");
        }
        assertTrue(Arrays.equals(before, Files.readAllBytes(source)), "the original is untouched");
    }

    @Test
    void skewedScanIsStraightenedToWithinAThirdOfADegree() {
        for (String file : List.of("ocrmypdf/skew.pdf", "ocrmypdf/rotated_skew.pdf")) {
            CaptureResult r = run(file);
            assertNull(r.error(), r.errorMessage());
            PageOutcome p = r.pages().get(0);
            assertTrue(Math.abs(p.skewDegrees()) > 1.0, file + " skew found: " + p.skewDegrees());
            assertTrue(Math.abs(p.residualSkewDegrees()) <= 0.3, file + " residual " + p.residualSkewDegrees());
            assertTrue(p.text().contains("Linn"), file + " reads after correction: " + p.text());
        }
    }

    @Test
    void everyOrientationIsTurnedUpright() {
        CaptureResult r = run("ocrmypdf/cardinal.pdf");
        assertNull(r.error(), r.errorMessage());
        assertEquals(4, r.pages().size());
        assertEquals(
                List.of(0, 90, 180, 270),
                r.pages().stream().map(PageOutcome::rotation).toList());
        for (PageOutcome p : r.pages()) {
            assertTrue(p.text().contains("Sequencer"), "page " + p.index() + " reads upright: " + p.text());
        }
    }

    @Test
    void ocrMatchesTheKnownTextOfATwoColumnScan() throws Exception {
        CaptureResult r = run("ocrmypdf/linn.pdf");
        assertNull(r.error(), r.errorMessage());
        double cer = FormScans.characterErrorRate(
                Files.readString(PipelineFixture.corpus("ocrmypdf/linn.txt")),
                r.pages().get(0).text());
        assertTrue(cer < 0.10, "character error rate " + cer);
    }

    @Test
    void bitonalScansStayBitonalAndValid() throws Exception {
        for (String file :
                List.of("ocrmypdf/ccitt.pdf", "ocrmypdf/jbig2.pdf", "ocrmypdf/epson.pdf", "ocrmypdf/kcs.pdf")) {
            CaptureResult r = run(file);
            assertNull(r.error(), file + ": " + r.errorMessage());
            assertEquals(ImageCleaner.Appearance.BITONAL, r.pages().get(0).appearance(), file);
            assertTrue(PipelineFixture.pdfText(r.documents().get(0).file()).length() > 20, file + " has a text layer");
        }
    }

    @Test
    void patchCodeSheetsSplitAndUnreadableOnesDoNot() {
        CaptureResult split = run("paperless/patch-code-t-middle.pdf");
        assertNull(split.error(), split.errorMessage());
        assertEquals(2, split.documents().size());
        assertEquals(List.of(1), split.documents().get(0).pages());
        assertEquals(List.of(3), split.documents().get(1).pages());
        assertTrue(split.pages().get(1).separator());

        CaptureResult several = run("paperless/several-patcht-codes.pdf");
        assertEquals(3, several.documents().size());

        CaptureResult distorted = run("paperless/patch-code-t-middle-distorted.pdf");
        assertEquals(2, distorted.documents().size(), "a distorted patch sheet is read at low resolution");

        CaptureResult unreadable = run("paperless/patch-code-t-middle-unreadable.pdf");
        assertNull(unreadable.error(), unreadable.errorMessage());
        assertEquals(1, unreadable.documents().size(), "no barcode read, no split");
        assertEquals(3, unreadable.documents().get(0).pages().size());
    }

    @Test
    void barcodesAreReportedWithoutSplittingOrdinaryPages() {
        CaptureResult qr = run("paperless/barcode-qr-custom.pdf");
        assertEquals("CUSTOM BARCODE", qr.pages().get(0).barcodes().get(0).text());
        assertFalse(qr.pages().get(0).separator());
        assertEquals(1, qr.documents().size());
    }

    @Test
    void bornDigitalPdfKeepsItsTextWithoutOcr() throws Exception {
        CaptureResult r = run("paperless/simple.pdf");
        assertNull(r.error(), r.errorMessage());
        assertEquals(100f, r.pages().get(0).confidence(), "text from the file, not from OCR");
        assertEquals("This is a test document.", r.pages().get(0).text().strip());
    }
}
