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
        int size) {
    /** The page size the index answers with: 1 to 100, 20 when not given. */
    public int pageSize() {
        return size <= 0 ? 20 : Math.min(size, 100);
    }

    /** The page asked for, from 0. */
    public int pageIndex() {
        return Math.max(0, page);
    }
}
