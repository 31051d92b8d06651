package org.earchive.archive.infrastructure.bagit;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The only paths a package may hold: relative, forward slashes, no {@code ..}, no control characters. */
final class BagPaths {
    private BagPaths() {}

    static boolean safe(String path) {
        if (path.isEmpty() || path.length() > 400 || path.startsWith("/") || path.contains("\\")) {
            return false;
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return path.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f);
    }

    static void requireSafe(String path) {
        if (!safe(path)) {
            throw new IllegalArgumentException("unsafe path in a package: " + path);
        }
    }

    private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-fA-F]{64})[ \\t]+(\\S.*)");

    /**
     * A manifest read line by line ({@code <sha256> <path>}, paths percent-encoded as RFC 8493 says); a package of
     * 100,000 files has a manifest of ~12 MB. Malformed and repeated lines are added to {@code problems}.
     */
    static Map<String, String> manifest(BufferedReader reader, String name, List<String> problems) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = MANIFEST_LINE.matcher(line.stripTrailing());
            if (!m.matches()) {
                problems.add(name + " line " + lineNo + " is not \"<sha256> <path>\"");
                continue;
            }
            String path = m.group(2).replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
            if (entries.put(path, m.group(1).toLowerCase()) != null) {
                problems.add(name + " lists " + printable(path) + " twice");
            }
        }
        return entries;
    }

    /** A path as it may be shown in a report: control characters replaced. */
    static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
