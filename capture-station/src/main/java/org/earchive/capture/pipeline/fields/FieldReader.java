package org.earchive.capture.pipeline.fields;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earchive.capture.pipeline.port.OcrEngine.Word;

/**
 * Reads the fields of one page from its recognised words. The words are joined without their spaces (Chinese OCR
 * splits a number into pieces, and puts a citizen ID's last character on the next line when it reads it at all), so a
 * code is found across words and lines, and each field keeps the boxes of the words it came from.
 */
public final class FieldReader {
    /** Characters OCR gives for digits: the confusable ones map to the digit they stand for. */
    private static final String CONFUSABLE = "OoDQ〇Il|iSsBZz";

    private static final String AS_DIGIT = "00000111155822";
    private static final String X_LIKE = "Xx又义乂×";
    private static final Pattern DATE =
            Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})[年.\\-/]([0-9]{1,2})[月.\\-/]([0-9]{1,2})日?(?![0-9])");
    private static final Pattern NAME = Pattern.compile("姓\\s*名\\s*[:：]?\\s*([\\u4e00-\\u9fa5·]{2,15})");
    private static final String[] LABELS = {"性别", "民族", "出生", "身份", "证件", "电话", "单位", "地址", "年龄", "联系"};
    private static final Pattern TITLE = Pattern.compile(".*[\\u4e00-\\u9fa5]{4,}.*(表|书|证明|申请|登记|单)\\s*$");

    private final LocalDate today;

    public FieldReader(LocalDate today) {
        this.today = today;
    }

    public PageFields read(String text, List<Word> words) {
        Joined s = Joined.of(words);
        return new PageFields(citizenId(s), name(text, s), creditCode(s), dates(s), title(text, s));
    }

    private Field citizenId(Joined s) {
        Field unreadable = null;
        String t = s.text;
        for (int i = 0; i + 18 <= t.length(); i++) {
            if (!Character.isDigit(t.charAt(i)) || (i > 0 && idLike(t.charAt(i - 1)))) {
                continue;
            }
            int end = i;
            while (end < t.length() && idLike(t.charAt(end))) {
                end++;
            }
            if (end - i != 18) {
                i = end;
                continue;
            }
            String read = t.substring(i, end);
            Field f = citizenCandidate(read, s, i, end);
            if (f.readable()) {
                return f;
            }
            unreadable = unreadable == null ? f : unreadable;
            i = end;
        }
        return unreadable;
    }

    private Field citizenCandidate(String read, Joined s, int start, int end) {
        StringBuilder id = new StringBuilder(18);
        int repaired = 0;
        for (int k = 0; k < 18; k++) {
            char c = read.charAt(k);
            if (Character.isDigit(c)) {
                id.append(c);
            } else if (k == 17 && X_LIKE.indexOf(c) >= 0) {
                id.append('X');
                repaired += c == 'X' || c == 'x' ? 0 : 1;
            } else {
                id.append(AS_DIGIT.charAt(CONFUSABLE.indexOf(c)));
                repaired++;
            }
        }
        // one misread character at most, and the reading must pass the check: never a guess
        boolean valid = repaired <= 1 && IdentityCodes.citizenValid(id.toString(), today);
        return s.field(valid ? id.toString() : null, read, valid && repaired == 1, start, end);
    }

    private static boolean idLike(char c) {
        return Character.isDigit(c) || CONFUSABLE.indexOf(c) >= 0 || X_LIKE.indexOf(c) >= 0;
    }

    private Field creditCode(Joined s) {
        Matcher m = Pattern.compile("(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")
                .matcher(s.text);
        Field unreadable = null;
        while (m.find()) {
            String read = m.group();
            if ("123456789ANY".indexOf(Character.toUpperCase(read.charAt(0))) < 0
                    || read.substring(0, 17).chars().allMatch(Character::isDigit)) {
                continue; // not a registration authority's code, or a citizen ID
            }
            StringBuilder code = new StringBuilder(18);
            int repaired = 0;
            for (char c : read.toUpperCase().toCharArray()) {
                int at = "OIZS".indexOf(c); // letters the code never uses, read for the digits they resemble
                code.append(at >= 0 ? "0125".charAt(at) : c);
                repaired += at >= 0 ? 1 : 0;
            }
            boolean valid = repaired <= 1 && IdentityCodes.creditValid(code.toString());
            Field f = s.field(valid ? code.toString() : null, read, valid && repaired == 1, m.start(), m.end());
            if (valid) {
                return f;
            }
            unreadable = unreadable == null ? f : unreadable;
        }
        return unreadable;
    }

    private List<Field> dates(Joined s) {
        List<Field> dates = new ArrayList<>();
        Matcher m = DATE.matcher(s.text);
        while (m.find()) {
            LocalDate d;
            try {
                d = LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                dates.add(s.field(null, m.group(), false, m.start(), m.end()));
                continue;
            }
            boolean plausible = d.getYear() >= 1900 && !d.isAfter(today.plusYears(1));
            dates.add(s.field(plausible ? d.toString() : null, m.group(), false, m.start(), m.end()));
        }
        return dates;
    }

    private static Field name(String text, Joined s) {
        Matcher m = NAME.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        for (String label : LABELS) {
            int at = name.indexOf(label);
            if (at >= 0) {
                name = name.substring(0, at);
            }
        }
        int start = s.text.indexOf(name);
        boolean valid = name.replace("·", "").length() >= 2 && name.length() <= 15;
        return start < 0
                ? new Field(valid ? name : null, m.group(1), false, 0, List.of())
                : s.field(valid ? name : null, m.group(1), false, start, start + name.length());
    }

    private static Field title(String text, Joined s) {
        String[] lines = text.strip().split("\\R", 4);
        for (int i = 0; i < Math.min(3, lines.length); i++) {
            String line = lines[i].strip();
            if (TITLE.matcher(line).matches()) {
                String compact = line.replaceAll("\\s+", "");
                int start = s.text.indexOf(compact);
                return start < 0
                        ? new Field(compact, line, false, 0, List.of())
                        : s.field(compact, line, false, start, start + compact.length());
            }
        }
        return null;
    }
}
