package org.earchive.archive.domain.model.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The 18-character citizen identity number (GB 11643), which is also the social-security number: a 6-digit area code,
 * an 8-digit birth date, a 3-digit sequence and a check character (ISO 7064 MOD 11-2). Never written to a log whole:
 * use {@link #masked()}.
 */
public final class CitizenId {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private final String value;

    private CitizenId(String value) {
        this.value = value;
    }

    /** Parses and validates; the message of the exception says what is wrong in words a clerk can act on. */
    public static CitizenId parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidCitizenIdException("请输入18位公民身份号码。Enter the 18-character citizen ID number.");
        }
        String v = raw.trim().toUpperCase();
        if (!v.matches("\\d{17}[\\dX]")) {
            throw new InvalidCitizenIdException(
                    "公民身份号码应为17位数字加1位校验码（数字或X）。A citizen ID is 17 digits followed by a digit or X.");
        }
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(v.substring(6, 10)),
                    Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
            if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1880) {
                throw new InvalidCitizenIdException(
                        "公民身份号码中的出生日期不合理。The birth date in the citizen ID is not plausible.");
            }
        } catch (DateTimeException e) {
            throw new InvalidCitizenIdException("公民身份号码中的出生日期无效。The birth date in the citizen ID is not a real date.");
        }
        if (checkCharacter(v) != v.charAt(17)) {
            throw new InvalidCitizenIdException(
                    "公民身份号码校验位不正确，请核对后重新输入。The check character of the citizen ID is wrong: check the number and enter it again.");
        }
        return new CitizenId(v);
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidCitizenIdException e) {
            return false;
        }
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    /** The form allowed in logs and on screens of roles that do not need the whole number: 510104********123X. */
    public String masked() {
        return mask(value);
    }

    /** Masks any string that may be an ID: keeps the first 6 and the last 4 characters. */
    public static String mask(String raw) {
        if (raw == null || raw.length() < 10) {
            return "****";
        }
        return raw.substring(0, 6) + "*".repeat(raw.length() - 10) + raw.substring(raw.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
