package org.earchive.capture.pipeline;

/** A business rejection of one input: it carries a stable code; the rest of a batch goes on. */
public class CaptureException extends RuntimeException {
    private final CaptureError error;

    public CaptureException(CaptureError error, String detail) {
        this(error, detail, null);
    }

    public CaptureException(CaptureError error, String detail, Throwable cause) {
        super(detail == null ? error.message() : error.message() + " (" + detail + ")", cause);
        this.error = error;
    }

    public CaptureError error() {
        return error;
    }
}
