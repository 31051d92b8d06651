package org.earchive.archive.application.dto;

import java.time.Instant;

/**
 * A capture job handed to a worker: the original to read ({@code GET /api/capture/jobs/{documentId}/original}) and
 * what the result belongs to.
 *
 * @param attempt this claim's number (1 for the first)
 * @param leaseUntil the job goes to another worker after this unless completed or failed
 */
public record CaptureTask(
        long documentId,
        String caseNumber,
        String material,
        String fileName,
        String contentType,
        long size,
        String sha256,
        int attempt,
        Instant leaseUntil) {}
