package org.earchive.capture.pipeline.port;

import java.nio.file.Path;
import org.earchive.pdfa.ValidationReport;

/** Checks a file against PDF/A; the result is data (the PDF/A kit's report), never just a boolean or a log line. */
public interface PdfAValidator {
    ValidationReport validate(Path pdf);
}
