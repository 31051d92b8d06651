package org.earchive.capture.pipeline.port;

import java.nio.file.Path;
import java.util.List;

/** Checks a file against PDF/A; the result is data, never just a boolean or a log line. */
public interface PdfAValidator {
    Report validate(Path pdf);

    /** @param flavour e.g. "2b" */
    record Report(boolean compliant, String flavour, List<Violation> violations) {}

    /** @param rule the standard's clause and test, e.g. "6.2.11.4.1-1" */
    record Violation(String rule, String message, int count) {}
}
