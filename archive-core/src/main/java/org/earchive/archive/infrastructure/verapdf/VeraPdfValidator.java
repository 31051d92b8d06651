package org.earchive.archive.infrastructure.verapdf;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import org.earchive.archive.domain.service.PdfAValidator;
import org.earchive.pdfa.PdfAValidation;
import org.earchive.pdfa.ValidationReport;

/**
 * veraPDF (through the PDF/A kit) against the flavour the file declares in its XMP. A PDF that declares none is not
 * PDF/A: that is the answer, not an error.
 */
@ApplicationScoped
public class VeraPdfValidator implements PdfAValidator {
    @Override
    public ValidationReport validate(InputStream pdf) {
        return PdfAValidation.validateDeclared(pdf);
    }
}
