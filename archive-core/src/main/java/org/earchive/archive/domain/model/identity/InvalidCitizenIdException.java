package org.earchive.archive.domain.model.identity;

/** A citizen ID failed validation; the message is meant for the clerk. */
public class InvalidCitizenIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCitizenIdException(String message) {
        super(message);
    }
}
