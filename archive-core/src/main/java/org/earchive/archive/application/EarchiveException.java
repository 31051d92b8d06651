package org.earchive.archive.application;

/**
 * An expected failure of a use case: bad input, a missing case, a rule that forbids the step. Declared an application
 * exception with rollback in {@code ejb-jar.xml}, so the container passes it through and undoes the transaction. The
 * message tells the user what to do next.
 */
public class EarchiveException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public EarchiveException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public EarchiveException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
