package org.earchive.risk;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificate numbers in a document's text: what follows 编号 / 证号 / 证明书号 / No. — letters and at least six digits,
 * e.g. a death certificate's 「死亡医学证明书编号：L440300202611001」.
 */
final class CertificateNumbers {
    private static final Pattern NUMBER =
            Pattern.compile("(?:编号|证号|证书号|证明书号|No\\.?)\\s*[:：]?\\s*([A-Za-z]{0,4}\\d[A-Za-z0-9-]{5,29})");
    private static final Pattern DIGITS = Pattern.compile("\\d");

    private CertificateNumbers() {}

    static Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return found;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n = m.group(1).toUpperCase();
            if (DIGITS.matcher(n).results().count() >= 6) {
                found.add(n);
            }
        }
        return found;
    }
}
