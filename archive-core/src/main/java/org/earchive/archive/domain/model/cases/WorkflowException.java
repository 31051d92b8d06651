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

    static WorkflowException illegal(String caseNumber, CaseStatus status, String step) {
        return new WorkflowException(
                Reason.ILLEGAL_TRANSITION,
                "案件 " + caseNumber + " 当前状态为 " + status + "，不能执行该操作（" + step + "）。Case " + caseNumber + " is " + status
                        + ": it cannot " + step + " now.");
    }

    static WorkflowException fourEyes(String caseNumber) {
        return new WorkflowException(
                Reason.FOUR_EYES,
                "受理人不能审核自己受理的案件（前后台分离）。The clerk who accepted case " + caseNumber + " may not decide it.");
    }

    static WorkflowException notAssigned(String caseNumber) {
        return new WorkflowException(
                Reason.NOT_ASSIGNED_TO_YOU,
                "案件 " + caseNumber + " 分配给了其他审核员。Case " + caseNumber + " is assigned to another reviewer.");
    }

    /** A decision or an ending without its reason; {@code what} says which, in both languages. */
    static WorkflowException reasonRequired(String what) {
        return new WorkflowException(Reason.REASON_REQUIRED, what);
    }
}
