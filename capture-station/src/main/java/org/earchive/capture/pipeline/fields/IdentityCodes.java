package org.earchive.capture.pipeline.fields;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The check characters of the two identity codes on social-insurance forms: the citizen ID (GB 11643, ISO 7064
 * MOD 11-2) and the unified social credit code (GB 32100, MOD 31).
 */
final class IdentityCodes {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final DateTimeFormatter BIRTH =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdentityCodes() {}

    /** The check character an 18-character citizen ID's first 17 digits call for. */
    static char citizenCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /**
     * Whether the ID is valid: 17 digits, the right check character, a province code in use and a birth date that
     * exists and is not after {@code today}.
     */
    static boolean citizenValid(String id, LocalDate today) {
        if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        int province = Integer.parseInt(id.substring(0, 2));
        if (province < 11 || province > 91) {
            return false;
        }
        try {
            LocalDate born = LocalDate.parse(id.substring(6, 14), BIRTH);
            if (born.isAfter(today) || born.getYear() < 1890) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        return citizenCheck(id.substring(0, 17)) == id.charAt(17);
    }

    /** Whether an 18-character unified social credit code has the right check character. */
    static boolean creditValid(String code) {
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return CREDIT_ALPHABET.charAt(check) == code.charAt(17);
    }
}
