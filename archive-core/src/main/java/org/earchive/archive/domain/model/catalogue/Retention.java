package org.earchive.archive.domain.model.catalogue;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Retention periods allowed by the social-insurance archive rules (MOHRSS/SAAC order No. 3, 2009): permanent, or 10,
 * 30, 50 or 100 years counted from 1 January of the year after the record was formed.
 */
public enum Retention {
    PERMANENT(0, "Y"),
    Y100(100, "D100"),
    Y50(50, "D50"),
    Y30(30, "D30"),
    Y10(10, "D10");

    private final int years;
    private final String archiveCode;

    Retention(int years, String archiveCode) {
        this.years = years;
        this.archiveCode = archiveCode;
    }

    /** The last day the record must be kept, or empty for permanent records. */
    public Optional<LocalDate> retainUntil(LocalDate formed) {
        if (this == PERMANENT) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(formed.getYear() + 1 + years, 1, 1).minusDays(1));
    }

    /** The code used in archive numbers: Y for permanent, D10…D100 for fixed terms. */
    public String archiveCode() {
        return archiveCode;
    }
}
