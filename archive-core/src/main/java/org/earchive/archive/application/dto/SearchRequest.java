package org.earchive.archive.application.dto;

import java.time.LocalDate;

/** What an archivist searches for: free text and filters; null means "any". */
public record SearchRequest(
        String text,
        String citizenId,
        String applicantName,
        String businessType,
        String archiveNumber,
        String category,
        LocalDate from,
        LocalDate to,
        int page,
        int size) {}
