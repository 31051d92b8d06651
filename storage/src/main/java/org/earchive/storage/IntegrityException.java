package org.earchive.storage;

import java.io.IOException;

/**
 * Bytes read from the store do not match their digest: the object was changed or damaged behind the store's back.
 * An {@code IOException} so that it interrupts any stream copy that is under way.
 */
public class IntegrityException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public IntegrityException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
