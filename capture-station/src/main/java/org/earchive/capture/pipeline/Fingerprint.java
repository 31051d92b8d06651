package org.earchive.capture.pipeline;

/**
 * A 64-bit difference hash of a grey page: the same sheet scanned twice gives hashes a few bits apart, different
 * sheets differ in about half. Used to warn about duplicate pages within a batch.
 */
public final class Fingerprint {
    private Fingerprint() {}

    static long of(PageRaster grey) {
        int w = grey.width(), h = grey.height();
        double[][] cells = new double[8][9];
        byte[] data = grey.data();
        int stepY = Math.max(1, h / 64), stepX = Math.max(1, w / 72);
        int[][] counts = new int[8][9];
        for (int y = 0; y < h; y += stepY) {
            int cy = Math.min(7, y * 8 / h);
            int row = y * w;
            for (int x = 0; x < w; x += stepX) {
                int cx = Math.min(8, x * 9 / w);
                cells[cy][cx] += data[row + x] & 0xff;
                counts[cy][cx]++;
            }
        }
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double left = cells[y][x] / Math.max(1, counts[y][x]);
                double right = cells[y][x + 1] / Math.max(1, counts[y][x + 1]);
                hash = (hash << 1) | (left > right ? 1 : 0);
            }
        }
        return hash;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * The same sheet scanned twice: the images a few bits apart and the same words (forms alike in layout differ in
     * their words). {@code text} without whitespace.
     */
    public static boolean sameSheet(long a, String textA, long b, String textB) {
        return distance(a, b) <= 2 && textA.equals(textB);
    }
}
