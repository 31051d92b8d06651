package org.earchive.archive.domain.model.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The business number a case is known by at the counter and on its cover sheets: {@code C}, the day of acceptance and
 * that day's running number — {@code C2026120600000042}. The running number comes from a per-day counter shared by
 * every node ({@link CaseDayCounter}), independent of entity ids, with room for 99,999,999 cases a day. Numbers given
 * before the counter existed have seven digits after the day ({@code C202611300000042}) and remain valid.
 */
public final class CaseNumber {
    /** Both forms: today's eight-digit running number, and the seven-digit one of earlier cases. */
    public static final Pattern PATTERN = Pattern.compile("C(\\d{8})(\\d{7,8})");

    public static final long MAX_PER_DAY = 99_999_999L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private CaseNumber() {}

    /** The day key ({@code yyyyMMdd}) of an instant in the agency's time zone. */
    public static String dayOf(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    /** The number of the {@code sequence}-th case of {@code day}. */
    public static String of(String day, long sequence) {
        if (!day.matches("\\d{8}")) {
            throw new IllegalArgumentException("a day key is yyyyMMdd: " + day);
        }
        if (sequence < 1 || sequence > MAX_PER_DAY) {
            throw new IllegalArgumentException(
                    "case " + sequence + " of " + day + " is beyond the " + MAX_PER_DAY + " a day the number can hold");
        }
        return "C" + day + String.format("%08d", sequence);
    }

    public static boolean isValid(String caseNumber) {
        return caseNumber != null && PATTERN.matcher(caseNumber).matches();
    }
}
