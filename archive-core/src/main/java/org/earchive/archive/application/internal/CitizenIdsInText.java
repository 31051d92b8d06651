package org.earchive.archive.application.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earchive.archive.domain.model.identity.CitizenId;

/**
 * The citizen IDs a document's text carries: 18 characters (17 digits and a digit or X) standing alone once the OCR
 * layer's spaces are taken out, and only those that pass their check character and date — a misread number is no
 * number, never a guess.
 */
final class CitizenIdsInText {
    private static final Pattern GROUP = Pattern.compile("[0-9Xx]+");

    private CitizenIdsInText() {}

    /**
     * Groups of digits on a line, and runs of consecutive groups separated only by spaces (OCR often splits a long
     * number: 110101 19491231 002X) that make exactly 18 characters, each checked.
     */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return found;
        }
        for (String line : text.split("\\R")) {
            List<int[]> groups = new ArrayList<>();
            Matcher m = GROUP.matcher(line);
            while (m.find()) {
                groups.add(new int[] {m.start(), m.end()});
            }
            for (int i = 0; i < groups.size(); i++) {
                StringBuilder id = new StringBuilder(line.substring(groups.get(i)[0], groups.get(i)[1]));
                for (int j = i + 1; id.length() < 18 && j < groups.size(); j++) {
                    if (!line.substring(groups.get(j - 1)[1], groups.get(j)[0]).isBlank()) {
                        break; // something other than spaces between them: another number
                    }
                    id.append(line, groups.get(j)[0], groups.get(j)[1]);
                }
                String candidate = id.toString().toUpperCase();
                if (candidate.length() == 18 && CitizenId.isValid(candidate) && !found.contains(candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found;
    }
}
