package org.earchive.capture.pipeline;

/**
 * The limits every source obeys, checked before any pixel is decoded (a 35,000 × 35,000 image in a 12 KB file must not
 * exhaust memory).
 *
 * @param maxPagePixels largest page the pipeline renders or reads
 * @param maxEmbeddedImagePixels largest image inside a PDF that it will decode
 * @param minDpi below this a page is refused (DA/T 31)
 * @param warnDpi below this a page is accepted with a warning
 * @param maxRenderDpi scans above this are resampled down to it
 */
public record CaptureLimits(
        long maxPagePixels, long maxEmbeddedImagePixels, int minDpi, int warnDpi, int maxRenderDpi) {
    /** A4 at 600 dpi fits with room; A3 at 400 dpi too. */
    public static CaptureLimits defaults() {
        return new CaptureLimits(60_000_000L, 150_000_000L, 150, 200, 600);
    }
}
