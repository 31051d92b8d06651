package org.earchive.capture.infrastructure.verapdf;

import java.nio.file.Path;
import org.earchive.capture.pipeline.port.PdfAValidator;
import org.earchive.pdfa.PdfAValidation;
import org.earchive.pdfa.ValidationReport;

/** veraPDF (through the PDF/A kit) against PDF/A-2b, the flavour the station writes. Thread-safe. */
public final class VeraPdfValidator implements PdfAValidator {
    @Override
    public ValidationReport validate(Path pdf) {
        return PdfAValidation.validate(pdf, "2b");
    }
}
