package org.earchive.archive.infrastructure.search;

/** The clerk's words as both engines take them: query operators are dropped, everything else is words. */
public final class SearchWords {
    private SearchWords() {}

    /** The words without {@code AND OR NOT TO && ||}; null when none are left. */
    public static String plain(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.strip()
                .replaceAll("\\b(AND|OR|NOT|TO)\\b", " ")
                .replace("&&", " ")
                .replace("||", " ")
                .strip();
        return plain.isEmpty() ? null : plain;
    }
}
