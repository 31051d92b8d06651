package org.earchive.capture.pipeline;

/**
 * Something a clerk should know that does not stop the document: a stable code, the page (0 for the whole input) and
 * words that say what to do.
 */
public record CaptureWarning(String code, int page, String message) {
    public static final String LOW_RESOLUTION = "LOW_RESOLUTION";
    public static final String RESOLUTION_UNKNOWN = "RESOLUTION_UNKNOWN";
    public static final String INVALID_COVER_SHEET = "INVALID_COVER_SHEET";
    public static final String DUPLICATE_PAGE = "DUPLICATE_PAGE";
}
