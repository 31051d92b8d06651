package org.earchive.capture.pipeline.port;

import org.earchive.capture.pipeline.PageRaster;

/**
 * Decodes a baseline or progressive JPEG stream (a scanner's page inside a PDF, a phone photo) to grey or BGR.
 * Returns null for what it does not handle (CMYK, 12-bit), so the caller falls back to its general path.
 */
public interface JpegDecoder {
    PageRaster decode(byte[] jpeg, int xDpi, int yDpi);
}
