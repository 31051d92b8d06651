package org.earchive.capture.infrastructure.opencv;

import java.util.List;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Image cleanup with OpenCV. Every Mat is released before a method returns, so native memory stays bounded by the page
 * being worked on.
 */
public final class OpenCvImageCleaner implements ImageCleaner {
    @Override
    public Flattened flatten(PageRaster page) {
        return PageFlattening.flatten(page);
    }

    @Override
    public double measureSkew(PageRaster grey) {
        return SkewMeasure.measureSkew(grey);
    }

    @Override
    public double measureSkew(PageRaster grey, double range) {
        return SkewMeasure.measureSkew(grey, range);
    }

    @Override
    public int textLineHeight(PageRaster grey) {
        return SkewMeasure.textLineHeight(grey);
    }

    @Override
    public boolean sideways(PageRaster grey) {
        return SkewMeasure.sideways(grey);
    }

    static {
        nu.pattern.OpenCV.loadLocally();
        // the pipeline parallelises by page, one worker per core; OpenCV's own thread pool on top only adds contention
        Core.setNumThreads(1);
    }

    @Override
    public PageRaster cropBorders(PageRaster page) {
        PageRaster grey = grey(page);
        float[] r = new float[grey.height()];
        float[] c = new float[grey.width()];
        means(grey, r, c);
        int top = darkRun(r, false), bottom = darkRun(r, true);
        int left = darkRun(c, false), right = darkRun(c, true);
        if (top + bottom + left + right == 0) {
            return page;
        }
        Mat src = Mats.of(page);
        Mat cropped = new Mat(src, new Rect(left, top, page.width() - left - right, page.height() - top - bottom));
        try {
            return Mats.toRaster(cropped, page.xDpi(), page.yDpi());
        } finally {
            Mats.release(cropped, src);
        }
    }

    /**
     * Each row's and each column's mean grey, in one pass over the page here: OpenCV's reduction along rows took five
     * times as long as along columns, and a Mat would copy the page once more.
     */
    private static void means(PageRaster grey, float[] rows, float[] cols) {
        byte[] d = grey.data();
        int w = grey.width();
        long[] colSums = new long[w];
        for (int y = 0, i = 0; y < rows.length; y++) {
            int sum = 0;
            for (int x = 0; x < w; x++, i++) {
                int v = d[i] & 0xff;
                sum += v;
                colSums[x] += v;
            }
            rows[y] = sum / (float) w;
        }
        for (int x = 0; x < w; x++) {
            cols[x] = colSums[x] / (float) rows.length;
        }
    }

    /** How many rows or columns at one edge are dark scanner background (at most a tenth of the page). */
    private static int darkRun(float[] means, boolean fromEnd) {
        int limit = means.length / 10;
        int n = 0;
        while (n < limit && means[fromEnd ? means.length - 1 - n : n] < 70f) {
            n++;
        }
        return n;
    }

    @Override
    public PageRaster grey(PageRaster page) {
        if (page.channels() == 1) {
            return page;
        }
        Mat src = Mats.of(page);
        Mat grey = new Mat();
        try {
            Mats.toGrey(src, grey);
            return Mats.toRaster(grey, page.xDpi(), page.yDpi());
        } finally {
            Mats.release(src, grey);
        }
    }

    @Override
    public PageRaster scale(PageRaster page, double factor) {
        Mat src = Mats.of(page);
        Mat out = new Mat();
        try {
            if (factor > 0.5 && factor < 1) {
                // a small reduction (300 → 200 dpi for OCR): a light blur against aliasing, then bilinear, reads as
                // well as
                // OpenCV's area average (same character error rate on the capture benchmark) at half its cost, because
                // the area average has no fast path for ratios that are not whole numbers
                Imgproc.GaussianBlur(src, src, new Size(3, 3), 0);
                Imgproc.resize(src, out, new Size(), factor, factor, Imgproc.INTER_LINEAR);
            } else {
                Imgproc.resize(
                        src, out, new Size(), factor, factor, factor < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
            }
            return Mats.toRaster(out, (int) Math.round(page.xDpi() * factor), (int) Math.round(page.yDpi() * factor));
        } finally {
            Mats.release(src, out);
        }
    }

    @Override
    public PageRaster rotate(PageRaster page, double degrees) {
        double normalised = ((degrees % 360) + 360) % 360;
        if (Math.abs(normalised) < 1e-6) {
            return page;
        }
        Mat src = Mats.of(page);
        Mat out = new Mat();
        try {
            int quarter = (int) Math.round(normalised / 90.0);
            if (Math.abs(normalised - quarter * 90.0) < 1e-6) {
                switch (quarter % 4) {
                    case 1 -> Core.rotate(src, out, Core.ROTATE_90_COUNTERCLOCKWISE);
                    case 2 -> Core.rotate(src, out, Core.ROTATE_180);
                    case 3 -> Core.rotate(src, out, Core.ROTATE_90_CLOCKWISE);
                    default -> src.copyTo(out);
                }
                boolean swap = quarter % 2 == 1;
                return Mats.toRaster(out, swap ? page.yDpi() : page.xDpi(), swap ? page.xDpi() : page.yDpi());
            }
            Point centre = new Point(page.width() / 2.0, page.height() / 2.0);
            Mat m = Imgproc.getRotationMatrix2D(centre, degrees, 1.0);
            double r = Math.toRadians(degrees);
            double sin = Math.abs(Math.sin(r)), cos = Math.abs(Math.cos(r));
            int w = (int) Math.round(page.width() * cos + page.height() * sin);
            int h = (int) Math.round(page.width() * sin + page.height() * cos);
            m.put(0, 2, m.get(0, 2)[0] + (w - page.width()) / 2.0);
            m.put(1, 2, m.get(1, 2)[0] + (h - page.height()) / 2.0);
            Scalar white = page.channels() == 1 ? new Scalar(255) : new Scalar(255, 255, 255);
            Imgproc.warpAffine(src, out, m, new Size(w, h), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, white);
            m.release();
            return Mats.toRaster(out, page.xDpi(), page.yDpi());
        } finally {
            Mats.release(src, out);
        }
    }

    @Override
    public double inkCoverage(PageRaster grey) {
        Mat src = Mats.of(grey);
        Mat small = new Mat();
        Mat ink = new Mat();
        try {
            double scale = grey.known() ? Math.min(1.0, 150.0 / grey.dpi()) : 0.5;
            Imgproc.resize(src, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            // margins hold punch holes, staple shadows and scanner edges, not content
            int mx = small.cols() / 25, my = small.rows() / 25;
            Mat inner = new Mat(small, new Rect(mx, my, small.cols() - 2 * mx, small.rows() - 2 * my));
            Imgproc.threshold(inner, ink, 128, 255, Imgproc.THRESH_BINARY_INV);
            inner.release();
            // specks and dust are not content: an opening removes anything thinner than 2 pixels at 150 dpi
            Imgproc.morphologyEx(
                    ink, ink, Imgproc.MORPH_OPEN, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2, 2)));
            return Core.countNonZero(ink) / (double) (ink.rows() * ink.cols());
        } finally {
            Mats.release(src, small, ink);
        }
    }

    /**
     * Whether a page, reduced to about 100 dpi or less, has colour that matters: saturated and not dark pixels (a red
     * seal, a coloured stamp, a photo) on more than a thousandth of it; scanner colour noise stays below this. Blurs
     * {@code small} in place; {@code hsv} and {@code mask} are scratch.
     */
    static boolean colourful(Mat small, Mat hsv, Mat mask) {
        Imgproc.medianBlur(small, small, 3);
        Imgproc.cvtColor(small, hsv, Imgproc.COLOR_BGR2HSV);
        Core.inRange(hsv, new Scalar(0, 90, 70), new Scalar(180, 255, 255), mask);
        return Core.countNonZero(mask) > 0.001 * small.rows() * small.cols();
    }

    @Override
    public Appearance appearance(PageRaster page) {
        Mat src = Mats.of(page);
        Mat small = new Mat();
        Mat hsv = new Mat();
        Mat mask = new Mat();
        Mat grey = new Mat();
        Mat hist = new Mat();
        try {
            double scale = page.known() ? Math.min(1.0, 100.0 / page.dpi()) : 0.33;
            Imgproc.resize(src, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            double pixels = (double) small.rows() * small.cols();
            if (small.channels() == 3 && colourful(small, hsv, mask)) {
                return Appearance.COLOUR;
            }
            Mats.toGrey(small, grey);
            Imgproc.calcHist(
                    List.of(grey), new MatOfInt(0), new Mat(), hist, new MatOfInt(256), new MatOfFloat(0, 256));
            float[] h = new float[256];
            hist.get(0, 0, h);
            double mid = 0;
            for (int i = 60; i < 190; i++) {
                mid += h[i];
            }
            // a photograph or a halftone has a broad middle of tones; printed or written text has almost none
            return mid > 0.25 * pixels ? Appearance.GREY : Appearance.BITONAL;
        } finally {
            Mats.release(src, small, hsv, mask, grey, hist);
        }
    }

    @Override
    public PageRaster binarize(PageRaster grey) {
        Mat src = Mats.of(grey);
        Mat ink = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Imgproc.threshold(src, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
            // Grana's block-based labelling: 40% faster here than OpenCV's default for 8-connectivity
            int n = Imgproc.connectedComponentsWithStatsWithAlgorithm(
                    ink, labels, stats, centroids, 8, CvType.CV_32S, Imgproc.CCL_GRANA);
            int speck = grey.known() ? Math.max(2, (int) Math.round(Math.pow(grey.dpi() / 150.0, 2) * 2)) : 4;
            int[] s = new int[n * 5];
            stats.get(0, 0, s);
            Core.bitwise_not(ink, ink);
            byte[] page = new byte[grey.width() * grey.height()];
            ink.get(0, 0, page);
            int[][] rows = new int[speck + 1][];
            for (int i = 1; i < n; i++) {
                int area = s[i * 5 + Imgproc.CC_STAT_AREA];
                if (area <= speck) {
                    // a speck's box is a few pixels: read its labels row by row and clear just its own pixels to paper
                    int x0 = s[i * 5], y0 = s[i * 5 + 1], bw = s[i * 5 + 2], bh = s[i * 5 + 3];
                    int[] row = rows[bw] == null ? rows[bw] = new int[bw] : rows[bw];
                    for (int y = y0; y < y0 + bh; y++) {
                        labels.get(y, x0, row);
                        for (int x = 0; x < bw; x++) {
                            if (row[x] == i) {
                                page[y * grey.width() + x0 + x] = (byte) 255;
                            }
                        }
                    }
                }
            }
            return new PageRaster(grey.width(), grey.height(), 1, page, grey.xDpi(), grey.yDpi());
        } finally {
            Mats.release(src, ink, labels, stats, centroids);
        }
    }
}
