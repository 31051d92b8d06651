package org.earchive.storage;

import java.time.Instant;

/**
 * An object as the store knows it.
 *
 * @param key content-addressed key ({@code sha256/<hex>})
 * @param size length in bytes
 * @param sha256 lower-case hex SHA-256 of the plaintext
 * @param sm3 lower-case hex SM3 (GB/T 32905) of the plaintext
 * @param contentType the MIME type given at put time
 * @param storedAt when the bytes were first stored
 * @param created true if this put stored new bytes, false if identical bytes were already there
 */
public record StoredObject(
        String key, long size, String sha256, String sm3, String contentType, Instant storedAt, boolean created) {

    public static final String KEY_PREFIX = "sha256/";

    public static String keyFor(String sha256Hex) {
        return KEY_PREFIX + sha256Hex;
    }

    /** The SHA-256 a key promises, or throws if the key is not one of ours. */
    public static String sha256Of(String key) {
        if (key == null
                || !key.startsWith(KEY_PREFIX)
                || !key.substring(KEY_PREFIX.length()).matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a content-addressed object key: " + key);
        }
        return key.substring(KEY_PREFIX.length());
    }

    public StoredObject withCreated(boolean newlyCreated) {
        return new StoredObject(key, size, sha256, sm3, contentType, storedAt, newlyCreated);
    }
}
