package org.earchive.capture.infrastructure.opencv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.earchive.capture.pipeline.PageRaster;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * How far the text lines lean, how high they are, and whether they run sideways: measured on the ink of a reduced
 * page by projection profiles (coarse over a few degrees, then fine).
 */
final class SkewMeasure {
    private SkewMeasure() {}

    static final double COARSE_RANGE = 6.0;
    static final double COARSE_STEP = 0.25;
    static final double FINE_STEP = 0.025;

    /**
     * Projection-profile search: text lines give the sharpest row histogram when they are level. A quarter-resolution
     * adaptive threshold is enough; coarse over ±6° in 0.25° steps, then fine in 0.025° steps.
     */
    static double measureSkew(PageRaster grey) {
        return measureSkew(grey, COARSE_RANGE);
    }

    static double measureSkew(PageRaster grey, double range) {
        Mat ink = ink(grey, about75Dpi(grey), 255);
        Mat points = new Mat();
        try {
            Core.findNonZero(ink, points);
            int n = (int) points.total();
            if (n < 200) {
                return 0;
            }
            int[] xy = new int[n * 2];
            points.convertTo(points, CvType.CV_32S);
            points.get(0, 0, xy);
            float[] x = new float[n];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = xy[2 * i] - ink.cols() / 2f;
                y[i] = xy[2 * i + 1] - ink.rows() / 2f;
            }
            int bins = (int) Math.ceil(Math.hypot(ink.cols(), ink.rows())) + 2;
            int[] histogram = new int[bins];
            double best = 0, bestScore = -1;
            for (double a = -range; a <= range + 1e-9; a += COARSE_STEP) {
                double s = score(x, y, a, histogram);
                if (s > bestScore) {
                    bestScore = s;
                    best = a;
                }
            }
            double centre = best;
            for (double a = centre - COARSE_STEP; a <= centre + COARSE_STEP + 1e-9; a += FINE_STEP) {
                double s = score(x, y, a, histogram);
                if (s > bestScore) {
                    bestScore = s;
                    best = a;
                }
            }
            return Math.round(best * 1000) / 1000.0;
        } finally {
            Mats.release(ink, points);
        }
    }

    static int textLineHeight(PageRaster grey) {
        double scale = 0.25;
        Mat ink = ink(grey, scale, 1);
        Mat rows = new Mat();
        try {
            // table rules and long lines are not text: only rows with a moderate amount of ink count
            Core.reduce(ink, rows, 1, Core.REDUCE_SUM, CvType.CV_32F);
            float[] r = new float[(int) rows.total()];
            rows.get(0, 0, r);
            float limit = Math.max(2, ink.cols() / 100f);
            List<Integer> heights = new ArrayList<>();
            int run = 0;
            for (float v : r) {
                if (v >= limit) {
                    run++;
                } else {
                    if (run >= 3) {
                        heights.add(run);
                    }
                    run = 0;
                }
            }
            if (heights.size() < 3) {
                return 0;
            }
            Collections.sort(heights);
            return (int) Math.round(heights.get(heights.size() / 2) / scale);
        } finally {
            Mats.release(ink, rows);
        }
    }

    /** The scale that brings a page to about 75 dpi, where text lines and their gaps are still clear. */
    static double about75Dpi(PageRaster grey) {
        return grey.known() ? Math.min(1.0, 75.0 / grey.dpi()) : 0.25;
    }

    /**
     * The page's ink at {@code scale}: an adaptive (local mean) threshold, ink = {@code value}, paper = 0. The caller
     * releases the Mat.
     */
    static Mat ink(PageRaster grey, double scale, double value) {
        Mat src = Mats.of(grey);
        Mat small = new Mat();
        Mat ink = new Mat();
        try {
            Imgproc.resize(src, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            Imgproc.adaptiveThreshold(
                    small, ink, value, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY_INV, 15, 15);
            return ink;
        } finally {
            Mats.release(src, small);
        }
    }

    static boolean sideways(PageRaster grey) {
        Mat ink = ink(grey, about75Dpi(grey), 1);
        Mat rows = new Mat();
        Mat cols = new Mat();
        try {
            Core.reduce(ink, rows, 1, Core.REDUCE_SUM, CvType.CV_32F);
            Core.reduce(ink, cols, 0, Core.REDUCE_SUM, CvType.CV_32F);
            return contrast(cols) > 1.3 * contrast(rows);
        } finally {
            Mats.release(ink, rows, cols);
        }
    }

    /** How peaked a profile is: its squared sum over the square of its sum, scaled by its length. */
    static double contrast(Mat profile) {
        float[] v = new float[(int) profile.total()];
        profile.get(0, 0, v);
        double sum = 0, squares = 0;
        for (float f : v) {
            sum += f;
            squares += (double) f * f;
        }
        return sum == 0 ? 0 : squares * v.length / (sum * sum);
    }

    /** Sum of squared row counts after turning the points by {@code degrees}: highest when lines are level. */
    static double score(float[] x, float[] y, double degrees, int[] histogram) {
        double r = Math.toRadians(degrees);
        float sin = (float) Math.sin(r), cos = (float) Math.cos(r);
        Arrays.fill(histogram, 0);
        int offset = histogram.length / 2;
        for (int i = 0; i < x.length; i++) {
            // offset keeps the value positive, so truncation after adding a half rounds (Math.round is slower)
            int row = (int) (y[i] * cos + x[i] * sin + offset + 0.5f);
            histogram[row]++;
        }
        double s = 0;
        for (int h : histogram) {
            s += (double) h * h;
        }
        return s;
    }
}
