package org.earchive.storage;

/** A store that encrypts at rest and can re-wrap its data keys under the current master key. */
public interface KeyRotation {
    /** Re-wraps every data key not under the current master key; objects are not rewritten. Returns the count. */
    long rewrapKeys() throws StorageException;
}
