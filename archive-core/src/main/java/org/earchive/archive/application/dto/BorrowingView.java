package org.earchive.archive.application.dto;

import java.time.Instant;

/** A borrowing (借阅) request and its decision; {@code active} while approved and not expired. */
public record BorrowingView(
        long id,
        String archiveNumber,
        String requestedBy,
        String purpose,
        int days,
        Instant requestedAt,
        String status,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        Instant expiresAt,
        boolean active) {}
