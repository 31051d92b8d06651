package org.earchive.archive.application;

/**
 * Stable error codes: clients and tests match on them, so a code is never renamed. The kind tells an edge adapter
 * (REST, CLI) how to present the failure without knowing the rule behind it.
 */
public enum ErrorCode {
    INVALID_REQUEST(Kind.INVALID),
    INVALID_CITIZEN_ID(Kind.INVALID),
    INVALID_CREDIT_CODE(Kind.INVALID),
    UNKNOWN_BUSINESS_TYPE(Kind.INVALID),
    UNKNOWN_MATERIAL(Kind.INVALID),
    EMPTY_FILE(Kind.INVALID),
    FILE_TOO_LARGE(Kind.TOO_LARGE),
    CASE_NOT_FOUND(Kind.NOT_FOUND),
    DOCUMENT_NOT_FOUND(Kind.NOT_FOUND),
    CASE_CLOSED_FOR_MATERIALS(Kind.CONFLICT),
    STORAGE_UNAVAILABLE(Kind.UNAVAILABLE),
    /** The store's disk (or its quota) is full: nothing was kept; the same request succeeds once room is made. */
    DISK_FULL(Kind.INSUFFICIENT_STORAGE),
    INTEGRITY_FAILURE(Kind.INTEGRITY),
    BACKUP_NOT_SUPPORTED(Kind.CONFLICT),
    BACKUP_FAILED(Kind.UNAVAILABLE),
    ILLEGAL_TRANSITION(Kind.CONFLICT),
    FOUR_EYES(Kind.FORBIDDEN),
    NOT_ASSIGNED_TO_YOU(Kind.FORBIDDEN),
    MATERIALS_MISSING(Kind.CONFLICT),
    REASON_REQUIRED(Kind.INVALID),
    UNKNOWN_REVIEWER(Kind.INVALID),
    RECORD_NOT_FOUND(Kind.NOT_FOUND),
    FOUR_PROPERTY_CHECK_FAILED(Kind.CONFLICT),
    BORROWING_REQUIRED(Kind.FORBIDDEN),
    BORROWING_NOT_FOUND(Kind.NOT_FOUND),
    RECORD_DISPOSED(Kind.GONE),
    RECORD_HELD(Kind.CONFLICT),
    DISPOSAL_LIST_NOT_FOUND(Kind.NOT_FOUND),
    PAGE_NOT_FOUND(Kind.NOT_FOUND),
    PACKAGE_REJECTED(Kind.INVALID),
    EVIDENCE_MISSING(Kind.CONFLICT),
    WRONG_BUSINESS_TYPE(Kind.CONFLICT),
    PARAMETERS_MISSING(Kind.CONFLICT),
    UNSUPPORTED_FORMAT(Kind.UNSUPPORTED),
    PASSWORD_POLICY(Kind.INVALID),
    BAD_CREDENTIALS(Kind.FORBIDDEN),
    FORBIDDEN(Kind.FORBIDDEN),
    CANNOT_RENDER(Kind.UNPROCESSABLE),
    VIRUS_FOUND(Kind.UNPROCESSABLE),
    /** A material's original is still being made into its archival copy: submit when it is done. */
    CAPTURE_PENDING(Kind.CONFLICT),
    /** A material's original could not be made archive-ready: replace it (the document names the pipeline's code). */
    CAPTURE_FAILED(Kind.CONFLICT),
    /** A capture job that is not (or no longer) this worker's. */
    CAPTURE_JOB_NOT_HELD(Kind.CONFLICT),
    /** Past the counter, a case under 容缺受理 takes only the materials promised, not others. */
    MATERIAL_NOT_PROMISED(Kind.CONFLICT);

    /** How a failure presents itself at the edge. */
    public enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE,
        FORBIDDEN,
        UNAVAILABLE,
        /** No room to keep what was sent (HTTP 507): an operator makes room, then the same request succeeds. */
        INSUFFICIENT_STORAGE,
        INTEGRITY,
        GONE,
        UNSUPPORTED,
        UNPROCESSABLE
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
