package org.earchive.archive.infrastructure.bagit;

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
}
