package org.earchive.archive.domain.model.cases;

/** Where the applicant came in. */
public enum Channel {
    COUNTER,
    ONLINE,
    KIOSK,
    MOBILE,
    /** Received from another office in an electronic transfer package. */
    TRANSFER
}
