package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.earchive.pdfa.PdfAValidation;
import org.earchive.pdfa.ValidationReport;

/** A printable list as its reader gets it: a PDF/A that veraPDF passes, with the agency's header and the words. */
final class Printed {
    private Printed() {}

    /** The printout's text, after checking it is a compliant PDF/A headed by the agency. */
    static String text(Api.Response r) throws Exception {
        assertEquals(200, r.status(), r.body());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        ValidationReport report = PdfAValidation.validateDeclared(new ByteArrayInputStream(r.bytes()));
        assertTrue(report.compliant(), "not PDF/A: " + report.summary(5));
        try (PDDocument doc = Loader.loadPDF(r.bytes())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("社会保险事业管理中心"), "the agency's header: " + text);
            return text;
        }
    }
}
