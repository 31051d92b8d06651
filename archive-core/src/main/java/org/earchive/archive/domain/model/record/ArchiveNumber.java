package org.earchive.archive.domain.model.record;

import java.util.regex.Pattern;
import org.earchive.archive.domain.model.catalogue.Retention;

/**
 * An archive number (档号), readable by people: fonds–year–category–retention–item, e.g. {@code F001-2026-ZJ-Y-000042}
 * (Y: permanent, D10…D100: fixed term).
 */
public record ArchiveNumber(String fonds, int year, String category, String retentionCode, long item) {
    public static final Pattern FORMAT =
            Pattern.compile("([A-Z0-9]{1,16})-(\\d{4})-([A-Z]{1,8})-(Y|D10|D30|D50|D100)-(\\d{6,})");

    public static String seriesKey(String fonds, int year, String category, Retention retention) {
        return fonds + "-" + year + "-" + category + "-" + retention.archiveCode();
    }

    public String series() {
        return fonds + "-" + year + "-" + category + "-" + retentionCode;
    }

    @Override
    public String toString() {
        return series() + "-" + String.format("%06d", item);
    }

    public static boolean wellFormed(String number) {
        return number != null && FORMAT.matcher(number).matches();
    }
}
