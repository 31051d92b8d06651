package org.earchive.capture.infrastructure.opencv;

import java.util.ArrayList;
import java.util.List;
import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.ImageCleaner;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A photographed sheet (phone, document camera) made flat: the sheet found on the desk, its perspective undone,
 * its lighting evened. A scan (which says its resolution) never comes here.
 */
final class PageFlattening {
    private PageFlattening() {}

    static ImageCleaner.Flattened flatten(PageRaster page) {
        Mat src = Mats.of(page);
        try {
            Point[] corners = paperCorners(src, page);
            return corners == null ? new ImageCleaner.Flattened(page, false) : warp(src, order(corners));
        } finally {
            src.release();
        }
    }

    /**
     * The four corners of the sheet in a photo, in the page's pixels: the largest bright convex quadrilateral that
     * covers between 20% and 92% of the picture; null when there is none (a flatbed scan has no background).
     */
    private static Point[] paperCorners(Mat src, PageRaster page) {
        Mat small = new Mat();
        Mat grey = new Mat();
        Mat mask = new Mat();
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            double scale = Math.min(1, 1000.0 / Math.max(page.width(), page.height()));
            Imgproc.resize(src, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            Mats.toGrey(small, grey);
            Imgproc.GaussianBlur(grey, grey, new Size(5, 5), 0);
            // the paper is the bright region: a background darker than the sheet is what a photo has and a flatbed
            // lacks
            Imgproc.threshold(grey, mask, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
            Imgproc.morphologyEx(
                    mask, mask, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(9, 9)));
            Imgproc.findContours(mask, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
            double imageArea = (double) small.rows() * small.cols();
            MatOfPoint largest = null;
            double largestArea = 0;
            for (MatOfPoint c : contours) {
                double a = Imgproc.contourArea(c);
                if (a > largestArea) {
                    largestArea = a;
                    largest = c;
                }
            }
            if (largest == null || largestArea < 0.2 * imageArea || largestArea > 0.92 * imageArea) {
                return null;
            }
            MatOfPoint2f curve = new MatOfPoint2f(largest.toArray());
            MatOfPoint2f quad = new MatOfPoint2f();
            Imgproc.approxPolyDP(curve, quad, 0.02 * Imgproc.arcLength(curve, true), true);
            Point[] corners = quad.toArray();
            curve.release();
            quad.release();
            if (corners.length != 4 || !Imgproc.isContourConvex(new MatOfPoint(corners))) {
                return null;
            }
            for (Point p : corners) {
                p.x /= scale;
                p.y /= scale;
            }
            return corners;
        } finally {
            for (MatOfPoint c : contours) {
                c.release();
            }
            Mats.release(small, grey, mask, hierarchy);
        }
    }

    /** The sheet between its ordered corners warped to a rectangle, lighting evened, its resolution as on A4. */
    private static ImageCleaner.Flattened warp(Mat src, Point[] ordered) {
        double width = Math.max(distance(ordered[0], ordered[1]), distance(ordered[3], ordered[2]));
        double height = Math.max(distance(ordered[0], ordered[3]), distance(ordered[1], ordered[2]));
        MatOfPoint2f from = new MatOfPoint2f(ordered);
        MatOfPoint2f to = new MatOfPoint2f(
                new Point(0, 0), new Point(width - 1, 0), new Point(width - 1, height - 1), new Point(0, height - 1));
        Mat transform = Imgproc.getPerspectiveTransform(from, to);
        Mat warped = new Mat();
        try {
            Imgproc.warpPerspective(
                    src, warped, transform, new Size(width, height), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            evenLighting(warped);
            // a photographed sheet has no resolution of its own: take the long side as A4's 297 mm
            int dpi = (int) Math.round(Math.max(width, height) / (297 / 25.4));
            return new ImageCleaner.Flattened(Mats.toRaster(warped, dpi, dpi), true);
        } finally {
            Mats.release(from, to, transform, warped);
        }
    }

    /** Divides each channel by the page's background (a heavy close of the grey image), so shadows and gradients go. */
    static void evenLighting(Mat page) {
        Mat grey = new Mat();
        Mat small = new Mat();
        Mat background = new Mat();
        try {
            Mats.toGrey(page, grey);
            double scale = 0.125;
            Imgproc.resize(grey, small, new Size(), scale, scale, Imgproc.INTER_AREA);
            Imgproc.morphologyEx(
                    small,
                    small,
                    Imgproc.MORPH_CLOSE,
                    Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(15, 15)));
            Imgproc.medianBlur(small, small, 5);
            Imgproc.resize(small, background, page.size(), 0, 0, Imgproc.INTER_LINEAR);
            Mat bg = background;
            if (page.channels() == 3) {
                bg = new Mat();
                Imgproc.cvtColor(background, bg, Imgproc.COLOR_GRAY2BGR);
            }
            Core.divide(page, bg, page, 255.0);
            if (bg != background) {
                bg.release();
            }
        } finally {
            Mats.release(grey, small, background);
        }
    }

    static Point[] order(Point[] p) {
        Point tl = p[0], tr = p[0], br = p[0], bl = p[0];
        for (Point q : p) {
            if (q.x + q.y < tl.x + tl.y) tl = q;
            if (q.x + q.y > br.x + br.y) br = q;
            if (q.x - q.y > tr.x - tr.y) tr = q;
            if (q.y - q.x > bl.y - bl.x) bl = q;
        }
        return new Point[] {tl, tr, br, bl};
    }

    static double distance(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}
