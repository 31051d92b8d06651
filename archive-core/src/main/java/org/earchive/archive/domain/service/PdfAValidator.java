package org.earchive.archive.domain.service;

import java.io.InputStream;
import org.earchive.pdfa.ValidationReport;

/** Validates a PDF against the PDF/A part and level it declares (usability, DA/T 70); the PDF/A kit's report. */
public interface PdfAValidator {
    ValidationReport validate(InputStream pdf);
}
