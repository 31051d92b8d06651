package org.earchive.archive.application.dto;

import java.time.Instant;

/** A risk signal on a case, for its reviewer and for managers. */
public record CaseFlagView(
        long id,
        String caseNumber,
        String kind,
        String evidence,
        String otherCase,
        Instant raisedAt,
        String raisedBy) {}
