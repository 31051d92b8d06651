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

  @Override
  public PageRaster decode(byte[] jpeg, int xDpi, int yDpi) {
    MatOfByte bytes = new MatOfByte(jpeg);
    Mat image = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_UNCHANGED);
    try {
      if (image.empty() || (image.channels() != 1 && image.channels() != 3) || image.depth() != 0) {
        return null;
      }
      return Mats.toRaster(image, xDpi, yDpi);
    } finally {
      bytes.release();
      image.release();
    }
  }
}
