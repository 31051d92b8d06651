package org.earchive.storage;

/** The object is under retention or legal hold: it may not be deleted, overwritten, or its retention shortened. */
public class RetentionException extends StorageException {
    private static final long serialVersionUID = 1L;

    public RetentionException(String message) {
        super(message);
    }
}
