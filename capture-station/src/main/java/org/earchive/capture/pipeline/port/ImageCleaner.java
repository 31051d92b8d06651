package org.earchive.capture.pipeline.port;

import org.earchive.capture.pipeline.PageRaster;

/**
 * Image cleanup, one operation per method; the pipeline decides their order. Every method leaves its input untouched
 * and returns a new raster. Implementations must keep a page's appearance: stamps and red seals are never removed.
 */
public interface ImageCleaner {

    /**
     * Flattens a photographed page (document camera, phone): finds the page's quadrilateral, warps it to a rectangle
     * and evens out the lighting. Returns the input unchanged when no page outline stands out from a background
     * (a flatbed scan).
     */
    Flattened flatten(PageRaster page);

    /** Removes dark scanner borders around the paper. */
    PageRaster cropBorders(PageRaster page);

    /** The page in 8-bit grey. */
    PageRaster grey(PageRaster page);

    /** The text lines' angle in degrees (positive: counter-clockwise), found on the grey page. */
    double measureSkew(PageRaster grey);

    /**
     * As {@link #measureSkew(PageRaster)}, searching only within {@code degrees} of level: what is left on a page just
     * turned level.
     */
    double measureSkew(PageRaster grey, double degrees);

    /**
     * Whether the text lines run up and down the page (a sheet fed sideways): rows of text give a sharper profile
     * across the lines than along them. Cheap; it decides whether the costlier orientation detection runs.
     */
    boolean sideways(PageRaster grey);

    /**
     * The median height in pixels of the page's text lines (from the row profile of the level page), or 0 when the
     * page has too few lines to tell.
     */
    int textLineHeight(PageRaster grey);

    /** Resamples by {@code factor} (area averaging when shrinking); the resolution scales with it. */
    PageRaster scale(PageRaster page, double factor);

    /** Rotates by any angle, keeping the whole page and filling with white; multiples of 90° are exact. */
    PageRaster rotate(PageRaster page, double degreesCounterClockwise);

    /** The share of the page (margins excluded, specks ignored) covered by ink, 0..1. */
    double inkCoverage(PageRaster grey);

    /** How the page must be kept: bitonal for plain black text, grey or colour where tones or colour matter. */
    Appearance appearance(PageRaster page);

    /** Black-and-white version (0 = black, 255 = white) with isolated specks removed. */
    PageRaster binarize(PageRaster grey);

    /** The outcome of {@link #flatten}. */
    record Flattened(PageRaster page, boolean corrected) {}

    /** How a page image is archived (DA/T 31: colour where it matters, bitonal otherwise). */
    enum Appearance {
        BITONAL,
        GREY,
        COLOUR
    }
}
