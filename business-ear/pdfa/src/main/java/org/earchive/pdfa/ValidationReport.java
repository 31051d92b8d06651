package org.earchive.pdfa;

import java.util.List;
import java.util.stream.Collectors;

/**
 * veraPDF's verdict on a file, as data.
 *
 * @param flavour the flavour validated against, e.g. {@code 2b}; empty when the file declares none (then it is not
 *     PDF/A: that is the answer, not an error)
 * @param compliant whether the file conforms to it
 * @param violations each failed rule once, with how often it failed
 */
public record ValidationReport(String flavour, boolean compliant, List<Violation> violations) {
    public ValidationReport {
        violations = List.copyOf(violations);
    }

    /**
     * One failed rule.
     *
     * @param ruleId the rule, {@code clause-test}, e.g. {@code 6.2.11.4.1-1}; {@code parse} or {@code pdfaid} when the
     *     file could not be read or declares no PDF/A
     * @param clause the clause of ISO 19005 it belongs to, e.g. {@code 6.2.11.4.1}
     * @param message what the rule says
     * @param page the first page (from 1) where it failed, or null when it is not about a page
     * @param count how many times it failed
     */
    public record Violation(String ruleId, String clause, String message, Integer page, int count) {}

    /** The first {@code limit} violations, one line each ({@code rule (page n): message}). */
    public String summary(int limit) {
        return violations.stream()
                .limit(limit)
                .map(v -> v.ruleId() + (v.page() == null ? "" : " (page " + v.page() + ")") + ": " + v.message())
                .collect(Collectors.joining("; "));
    }
}
