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
    ARCHIVED,
    /**
     * Approved while a material promised under 容缺受理 is still to come: the case takes exactly those materials and is
     * archived when the last one arrives.
     */
    AWAITING_MATERIALS,
    /** The applicant withdrew the application before a decision. */
    WITHDRAWN,
    /** A rejected case that was closed: it is not submitted again; its history and materials stay. */
    CLOSED
}
