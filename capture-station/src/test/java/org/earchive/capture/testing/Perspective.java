package org.earchive.capture.testing;

import java.awt.image.BufferedImage;

/** A plain projective warp (inverse mapping, bilinear), to make test photos without the code under test. */
final class Perspective {
    private Perspective() {}

    static BufferedImage warp(BufferedImage src, double[] from, double[] to, int width, int height) {
        double[] inverse = homography(to, from);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = inverse[6] * x + inverse[7] * y + 1;
                double sx = (inverse[0] * x + inverse[1] * y + inverse[2]) / d;
                double sy = (inverse[3] * x + inverse[4] * y + inverse[5]) / d;
                if (sx >= 0 && sy >= 0 && sx < src.getWidth() - 1 && sy < src.getHeight() - 1) {
                    out.setRGB(x, y, 0xff000000 | src.getRGB((int) sx, (int) sy));
                }
            }
        }
        return out;
    }

    /** The 8 coefficients mapping the four points {@code a} onto {@code b} (Gaussian elimination, 8×8). */
    private static double[] homography(double[] a, double[] b) {
        double[][] m = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = a[2 * i], y = a[2 * i + 1], u = b[2 * i], v = b[2 * i + 1];
            m[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            m[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int c = 0; c < 8; c++) {
            int pivot = c;
            for (int r = c + 1; r < 8; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < 8; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k < 9; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < 8; i++) {
            h[i] = m[i][8] / m[i][i];
        }
        return h;
    }
}
