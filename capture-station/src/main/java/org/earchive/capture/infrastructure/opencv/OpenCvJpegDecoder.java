package org.earchive.capture.infrastructure.opencv;

import org.earchive.capture.pipeline.PageRaster;
import org.earchive.capture.pipeline.port.JpegDecoder;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/** libjpeg-turbo through OpenCV: several times faster than ImageIO's JPEG reader on a 300 dpi page. */
public final class OpenCvJpegDecoder implements JpegDecoder {
    static {
        nu.pattern.OpenCV.loadLocally();
        // the pipeline parallelises by page, one worker per core; OpenCV's own thread pool on top only adds contention
        Core.setNumThreads(1);
    }

    /**
     * A page without colour that matters (most of a counter's paper) is decoded straight to grey: libjpeg-turbo then
     * skips the chroma channels, and every later step works on a third of the bytes. Whether it has colour is decided
     * first on a reduced decode (DCT scaling, a fraction of a full decode), by the same rule the cleaner's appearance
     * step applies, so a red seal or a photo keeps its colour.
     */
    @Override
    public PageRaster decode(byte[] jpeg, int xDpi, int yDpi) {
        MatOfByte bytes = new MatOfByte(jpeg);
        Mat image = null;
        try {
            image = Imgcodecs.imdecode(
                    bytes,
                    colourful(bytes, Math.min(xDpi, yDpi)) ? Imgcodecs.IMREAD_UNCHANGED : Imgcodecs.IMREAD_GRAYSCALE);
            if (image.empty() || (image.channels() != 1 && image.channels() != 3) || image.depth() != 0) {
                return null;
            }
            return Mats.toRaster(image, xDpi, yDpi);
        } finally {
            Mats.release(bytes, image);
        }
    }

    /** The JPEG decoded at about 75 dpi (an eighth, a quarter or half of its size) and looked at for colour. */
    private static boolean colourful(MatOfByte bytes, int dpi) {
        int flag = dpi >= 480
                ? Imgcodecs.IMREAD_REDUCED_COLOR_8
                : dpi >= 240 || dpi <= 0
                        ? Imgcodecs.IMREAD_REDUCED_COLOR_4
                        : dpi >= 120 ? Imgcodecs.IMREAD_REDUCED_COLOR_2 : Imgcodecs.IMREAD_COLOR;
        Mat small = Imgcodecs.imdecode(bytes, flag);
        Mat hsv = new Mat();
        Mat mask = new Mat();
        try {
            // an unreadable stream is the full decode's to report
            return small.empty() || OpenCvImageCleaner.colourful(small, hsv, mask);
        } finally {
            Mats.release(small, hsv, mask);
        }
    }
}
