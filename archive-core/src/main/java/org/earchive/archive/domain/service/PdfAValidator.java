package org.earchive.archive.domain.service;

import java.io.InputStream;
import java.util.List;

/** Validates a PDF against the PDF/A part and level it declares (usability, DA/T 70). */
public interface PdfAValidator {
    /**
     * @param compliant whether the file conforms to the flavour it declares
     * @param flavour the declared flavour, e.g. {@code 2b}; empty if the file declares none (then it is not PDF/A)
     * @param problems the failed rules, each {@code clause-test: message}, at most a few
     */
    record Result(boolean compliant, String flavour, List<String> problems) {}

    Result validate(InputStream pdf);
}
