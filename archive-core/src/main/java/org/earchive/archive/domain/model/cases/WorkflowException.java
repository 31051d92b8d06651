package org.earchive.archive.domain.model.cases;

/** A step the case's state does not allow; the message says which and why. */
public class WorkflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the step was refused. */
    public enum Reason {
        ILLEGAL_TRANSITION,
        FOUR_EYES,
        NOT_ASSIGNED_TO_YOU,
        MATERIALS_MISSING,
        REASON_REQUIRED
    }

    private final Reason reason;

    public WorkflowException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
