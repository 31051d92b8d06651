package org.earchive.archive.domain.model.cases;

/** Where a case stands in its life. */
public enum CaseStatus {
    /** Accepted at the front office; materials are being collected. */
    ACCEPTED,
    SUBMITTED,
    ASSIGNED,
    SUPPLEMENT_REQUESTED,
    REJECTED,
    APPROVED,
    ARCHIVED
}
