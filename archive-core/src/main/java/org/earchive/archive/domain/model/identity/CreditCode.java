package org.earchive.archive.domain.model.identity;

import java.util.Locale;

/**
 * An employer's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character set
 * (digits and capitals without I, O, S, V, Z), the last a check character: 31 − (Σ value × weight mod 31).
 */
public final class CreditCode {
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    /** The code in capitals, or an exception that says what is wrong with it. */
    public static String parse(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (code.length() != 18) {
            throw new IllegalArgumentException(
                    "统一社会信用代码应为 18 位，输入的是 " + code.length() + " 位。A unified social credit code has 18 characters.");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("统一社会信用代码第 " + (i + 1) + " 位 '" + code.charAt(i)
                        + "' 不是允许的字符（不含 I、O、S、V、Z）。Character " + (i + 1) + " is not allowed.");
            }
            sum += v * WEIGHTS[i];
        }
        char expected = CHARS.charAt((31 - sum % 31) % 31);
        if (code.charAt(17) != expected) {
            throw new IllegalArgumentException(
                    "统一社会信用代码校验位不符，请核对是否输错。The check character of the unified social credit code"
                            + " does not match: check it for a typing error.");
        }
        return code;
    }
}
