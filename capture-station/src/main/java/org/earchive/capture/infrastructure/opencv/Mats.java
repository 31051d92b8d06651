package org.earchive.capture.infrastructure.opencv;

import org.earchive.capture.pipeline.PageRaster;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Conversions between the pipeline's raster and OpenCV Mats. */
final class Mats {
    private Mats() {}

    static Mat of(PageRaster raster) {
        Mat m = new Mat(raster.height(), raster.width(), raster.channels() == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3);
        m.put(0, 0, raster.data());
        return m;
    }

    static PageRaster toRaster(Mat m, int xDpi, int yDpi) {
        byte[] data = new byte[(int) (m.total() * m.channels())];
        Mat continuous = m.isContinuous() ? m : m.clone();
        continuous.get(0, 0, data);
        if (continuous != m) {
            continuous.release();
        }
        return new PageRaster(m.cols(), m.rows(), m.channels(), data, xDpi, yDpi);
    }

    static void toGrey(Mat src, Mat grey) {
        if (src.channels() == 3) {
            Imgproc.cvtColor(src, grey, Imgproc.COLOR_BGR2GRAY);
        } else {
            src.copyTo(grey);
        }
    }

    static void release(Mat... mats) {
        for (Mat m : mats) {
            if (m != null) {
                m.release();
            }
        }
    }
}
