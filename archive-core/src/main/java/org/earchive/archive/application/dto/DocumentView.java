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
        boolean replayed) {

    /** The same document, reported as the answer to a repeated upload (same idempotency key). */
    public DocumentView asReplay() {
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
                true);
    }
}
