package org.earchive.archive.application.dto;

import java.time.Instant;
import java.util.List;

/**
 * A stored four-property check report (DA/T 70): every item checked, so that a failure names exactly what failed.
 *
 * @param occasion ARCHIVING, ON_DEMAND, RECEIPT or PERIODIC
 */
public record PropertyCheckView(
        long id,
        String caseNumber,
        String occasion,
        Instant checkedAt,
        String checkedBy,
        boolean passed,
        List<Item> items) {

    /**
     * One item of the report.
     *
     * @param property AUTHENTICITY, INTEGRITY, USABILITY or SECURITY
     * @param subject the archive number, the document ({@code doc:<id> <file name>}) or the case checked
     * @param check what was checked, e.g. {@code digests}, {@code pdfa}, {@code virus-scan}
     */
    public record Item(String property, String subject, String check, boolean passed, String detail) {}

    public List<Item> failures() {
        return items.stream().filter(i -> !i.passed()).toList();
    }
}
