package org.earchive.storage;

/** No object is stored under the key. */
public class ObjectNotFoundException extends StorageException {
    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String key) {
        super("No object is stored under " + key + ".");
    }
}
