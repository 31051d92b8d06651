package org.earchive.storage.worm;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.earchive.storage.KeyRotation;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Enforces write-once protection (COMPLIANCE retention, legal hold) in front of a backend that only records it. The
 * backend keeps the protection beside the object (a {@code .meta} file, a {@code protection/} object, and S3 object
 * lock where the bucket has it); this decorator decides: a delete under retention or hold is refused, a retention is
 * only ever extended, protection is set only on an object that exists, and a repaired object gets its protection back
 * (on S3 the repaired bytes are a new version that must be locked like the old one).
 *
 * <p>Protection changes of one key are serialised here, in this process; {@link ObjectStores} wraps every store it
 * opens in this class.
 */
public final class WriteOnceObjectStore implements ObjectStore, KeyRotation {
    private final ObjectStore backend;
    private static final int STRIPES = 256;
    private final Object[] stripes = new Object[STRIPES];

    public WriteOnceObjectStore(ObjectStore backend) {
        this.backend = backend;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public StoredObject put(InputStream content, String contentType) throws StorageException {
        return backend.put(content, contentType);
    }

    @Override
    public InputStream get(String key) throws StorageException {
        return backend.get(key);
    }

    @Override
    public Optional<StoredObject> stat(String key) throws StorageException {
        return backend.stat(key);
    }

    @Override
    public void delete(String key) throws StorageException {
        StoredObject.sha256Of(key);
        synchronized (lockOf(key)) {
            backend.protection(key).checkDeletable(key, Instant.now());
            backend.delete(key);
        }
    }

    @Override
    public void retain(String key, Instant until) throws StorageException {
        synchronized (lockOf(key)) {
            backend.protection(key).extendedTo(key, until);
            requireExists(key);
            backend.retain(key, until);
        }
    }

    @Override
    public void legalHold(String key, boolean on) throws StorageException {
        synchronized (lockOf(key)) {
            requireExists(key);
            backend.legalHold(key, on);
        }
    }

    @Override
    public Protection protection(String key) throws StorageException {
        return backend.protection(key);
    }

    @Override
    public StoredObject repair(String key, InputStream content, String contentType) throws StorageException {
        synchronized (lockOf(key)) {
            Protection before = backend.protection(key);
            StoredObject repaired = backend.repair(key, content, contentType);
            if (before.retainUntil().isPresent()) {
                backend.retain(key, before.retainUntil().get());
            }
            if (before.legalHold()) {
                backend.legalHold(key, true);
            }
            return repaired;
        }
    }

    @Override
    public Stream<String> keys() throws StorageException {
        return backend.keys();
    }

    @Override
    public List<String> keysAfter(String after, int limit) throws StorageException {
        return backend.keysAfter(after, limit);
    }

    @Override
    public StoredObject verify(String key) throws StorageException {
        return backend.verify(key);
    }

    @Override
    public void ping() throws StorageException {
        backend.ping();
    }

    @Override
    public String describe() {
        return backend.describe();
    }

    @Override
    public long rewrapKeys() throws StorageException {
        return backend instanceof KeyRotation rotation ? rotation.rewrapKeys() : 0;
    }

    @Override
    public void close() {
        backend.close();
    }

    private void requireExists(String key) throws StorageException {
        if (backend.stat(key).isEmpty()) {
            throw new ObjectNotFoundException(key);
        }
    }

    private Object lockOf(String key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
