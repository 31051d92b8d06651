package org.earchive.capture.pipeline;

/**
 * The resolution of a scan whose file does not say (a JPEG with JFIF density 1×1, a TIFF without its tags), inferred
 * from its pixel size: 2480 × 3508 is an A4 page at 300 dpi. Inferred only when both axes agree on one standard paper
 * size at one usual scanner resolution (within 2%); otherwise unknown — never a guess from one axis.
 */
final class PaperSizes {
    /** Width and height in millimetres, portrait. */
    private static final double[][] PAPER = {
        {210, 297}, // A4
        {297, 420}, // A3
        {148, 210}, // A5
        {176, 250}, // B5 (ISO)
        {182, 257}, // B5 (JIS, 16开 scanners)
        {215.9, 279.4}, // Letter
        {215.9, 355.6} // Legal
    };

    private static final int[] SCANNER_DPI = {150, 200, 240, 300, 400, 600};

    private PaperSizes() {}

    /** The inferred dpi, or 0 when the pixel size matches no paper at a usual resolution. */
    static int dpi(int width, int height) {
        int shorter = Math.min(width, height);
        int longer = Math.max(width, height);
        for (double[] paper : PAPER) {
            double x = shorter / (paper[0] / 25.4);
            double y = longer / (paper[1] / 25.4);
            if (Math.abs(x - y) / y > 0.02) {
                continue;
            }
            double mean = (x + y) / 2;
            for (int dpi : SCANNER_DPI) {
                if (Math.abs(mean - dpi) / dpi <= 0.02) {
                    return dpi;
                }
            }
        }
        return 0;
    }
}
