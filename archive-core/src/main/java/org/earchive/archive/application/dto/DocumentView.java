package org.earchive.archive.application.dto;

import java.time.Instant;

public record DocumentView(
        long id,
        String caseNumber,
        String material,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String sm3,
        String uploadedBy,
        Instant uploadedAt,
        String uploadKey,
        String role,
        boolean replayed,
        Capture capture) {

    /**
     * Server-side capture of an original that was not archive-ready: {@code PROCESSING} (queued or running),
     * {@code DONE} (the archival copy is document {@code archivalDocumentId}) or {@code FAILED} with the pipeline's
     * code and what to do; null for a document that needed none.
     */
    public record Capture(
            String state, String errorCode, String message, Long archivalDocumentId, Integer pages, int attempts) {}

    /** The same document with its capture state. */
    public DocumentView withCapture(Capture c) {
        return copy(replayed, c);
    }

    /** The same document, reported as the answer to a repeated upload (same idempotency key). */
    public DocumentView asReplay() {
        return copy(true, capture);
    }

    private DocumentView copy(boolean replay, Capture c) {
        return new DocumentView(
                id,
                caseNumber,
                material,
                fileName,
                contentType,
                size,
                sha256,
                sm3,
                uploadedBy,
                uploadedAt,
                uploadKey,
                role,
                replay,
                c);
    }
}
