package org.earchive.archive.application.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A destruction list (销毁清册) with its items and what became of each. */
public record DisposalListView(
        long id,
        LocalDate appraisedOn,
        String status,
        String createdBy,
        Instant createdAt,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        String executedBy,
        Instant executedAt,
        List<Item> items) {

    /** @param outcome LISTED, DESTROYED or SKIPPED */
    public record Item(String archiveNumber, LocalDate retainUntil, String outcome, String detail) {}
}
