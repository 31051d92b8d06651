package org.earchive.archive.application.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An archived item as the archive room and the integration API show it. A record received in a transfer package names
 * its origin ({@code sourceOffice}, {@code sourceArchiveNumber}); both are null for this office's own records.
 */
public record RecordView(
        String archiveNumber,
        String caseNumber,
        String citizenId,
        String businessType,
        String material,
        String title,
        String retention,
        LocalDate retainUntil,
        boolean legalHold,
        long documentId,
        long size,
        String sha256,
        String sm3,
        Instant archivedAt,
        boolean restricted,
        String holdReason,
        Instant disposedAt,
        String sourceOffice,
        String sourceArchiveNumber) {}
