package org.earchive.archive.application.dto;

import java.time.Instant;

/** A case in a reviewer's inbox. {@code minutesLeft} is negative when the case is overdue. */
public record TaskView(
        String id,
        String caseNumber,
        String businessType,
        String businessTypeName,
        String applicantName,
        String acceptedBy,
        Instant submittedAt,
        Instant dueAt,
        long minutesLeft,
        boolean overdue) {}
