package org.earchive.capture.pipeline;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One page as pixels, in the only form the pipeline's steps exchange: 8-bit grey (1 channel) or BGR (3 channels),
 * row-major, no padding. Keeping this neutral type at the ports keeps OpenCV, PDFBox and Tesseract each in their own
 * package.
 *
 * @param xDpi horizontal resolution; 0 when the source did not say
 * @param yDpi vertical resolution; 0 when the source did not say
 */
public record PageRaster(int width, int height, int channels, byte[] data, int xDpi, int yDpi) {
    public PageRaster {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3");
        }
        if ((long) width * height * channels != data.length) {
            throw new IllegalArgumentException("pixel buffer does not match " + width + "x" + height + "x" + channels);
        }
    }

    public boolean known() {
        return xDpi > 0 && yDpi > 0;
    }

    /** The resolution the archive rules judge: the coarser of the two axes. */
    public int dpi() {
        return Math.min(xDpi, yDpi);
    }

    public PageRaster withDpi(int x, int y) {
        return new PageRaster(width, height, channels, data, x, y);
    }

    /** Converts any BufferedImage to grey or BGR bytes (colour is kept only when the image has it). */
    public static PageRaster of(BufferedImage image, int xDpi, int yDpi) {
        boolean colour = image.getColorModel().getNumColorComponents() >= 3;
        int type = colour ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY;
        BufferedImage target = image;
        if (image.getType() != type) {
            target = new BufferedImage(image.getWidth(), image.getHeight(), type);
            var g = target.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        byte[] data = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        return new PageRaster(target.getWidth(), target.getHeight(), colour ? 3 : 1, data, xDpi, yDpi);
    }

    /** The pixels as a BufferedImage sharing nothing with this raster. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(
                width, height, channels == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(data, 0, target, 0, data.length);
        return image;
    }
}
