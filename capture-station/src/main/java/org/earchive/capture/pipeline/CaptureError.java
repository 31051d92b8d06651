package org.earchive.capture.pipeline;

/**
 * Stable error codes of the capture pipeline: the station, the CLI's {@code .error.json} and the server's upload
 * processing all report these, and tests match on them, so a code is never renamed. Each carries the message a clerk
 * reads: what happened and what to do next.
 */
public enum CaptureError {
    EMPTY_FILE("The file is empty (0 bytes). Scan or export the document again."),
    ENCRYPTED_PDF(
            "The PDF is protected by a password. Remove the password (or print it to a new PDF) and import it again."),
    INVALID_PDF(
            "The PDF is damaged or incomplete and cannot be read. Scan the paper again or ask the sender for a new copy."),
    INVALID_IMAGE("The image file is damaged or incomplete and cannot be read. Scan the paper again."),
    TYPE_MISMATCH(
            "The file name says one type but the content is another. Rename it to its real type or export it again."),
    UNSUPPORTED_FORMAT("This file type cannot be archived. Scan to PDF, TIFF, JPEG or PNG."),
    IMAGE_TOO_LARGE(
            "A page is larger than the pixel limit (a damaged or hostile file, or an oversized scan). Scan at 300 dpi."),
    RESOLUTION_TOO_LOW("A page is scanned below 150 dpi, too coarse for the archive. Scan it again at 300 dpi."),
    NO_PAGES("The document has no pages. Scan the paper again."),
    ALL_PAGES_BLANK("Every page is blank. Check that the paper was fed the right side up, then scan again."),
    OCR_FAILED("Text recognition failed on a page. Try again; if it keeps failing, report it with the batch id."),
    PDFA_INVALID("The archival PDF/A failed validation, so it was not released. Report it with the batch id."),
    PROCESSING_FAILED(
            "The document could not be processed. Try again; if it keeps failing, report it with the batch id.");

    private final String message;

    CaptureError(String message) {
        this.message = message;
    }

    /** The message a user reads: what happened and what to do next. */
    public String message() {
        return message;
    }
}
