package org.earchive.archive.application.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as a list shows it: enough to recognise it and see what it waits for. The citizen ID is always masked here
 * (a list is read over a shoulder); the case itself shows what the caller's role may see.
 */
public record CaseSummary(
        String caseNumber,
        String businessType,
        String businessTypeName,
        String status,
        String channel,
        String applicantName,
        String applicantIdMasked,
        String acceptedBy,
        Instant acceptedAt,
        Instant dueAt,
        boolean overdue,
        String assignedTo,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        LocalDate supplementPromised,
        boolean promiseOpen,
        boolean promiseOverdue,
        String closedReason) {}
