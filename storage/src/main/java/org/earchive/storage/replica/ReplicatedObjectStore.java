package org.earchive.storage.replica;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.earchive.storage.IntegrityException;
import org.earchive.storage.KeyRotation;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Two stores as one. Writes (objects, retention, legal holds, deletions) go to both; a write succeeds only when both
 * took it. Reads come from the primary and are verified completely into a local temporary file before the first
 * byte is handed out; if the primary's copy is missing or damaged, the replica's copy is verified, served, and used
 * to repair the primary. Memory stays bounded: the temporary file, not the heap, holds the object.
 */
public final class ReplicatedObjectStore implements ObjectStore, KeyRotation {
    private static final Logger LOG = Logger.getLogger(ReplicatedObjectStore.class.getName());
    private final ObjectStore primary;
    private final ObjectStore replica;
    private final Path spool;

    public ReplicatedObjectStore(ObjectStore primary, ObjectStore replica, Path spool) throws StorageException {
        this.primary = primary;
        this.replica = replica;
        this.spool = spool;
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new StorageException("Cannot create the spool folder " + spool + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredObject put(InputStream content, String contentType) throws StorageException {
        Path temp = spool.resolve(UUID.randomUUID() + ".replicate");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                content.transferTo(out);
            }
            StoredObject stored;
            try (InputStream in = Files.newInputStream(temp)) {
                stored = primary.put(in, contentType);
            }
            try (InputStream in = Files.newInputStream(temp)) {
                replica.put(in, contentType);
            }
            return stored;
        } catch (IOException e) {
            throw new StorageException("Could not read the incoming object: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public InputStream get(String key) throws StorageException {
        Path temp = spool.resolve(UUID.randomUUID() + ".read");
        try {
            Copy fromPrimary = copyVerified(primary, key, temp);
            if (fromPrimary == Copy.GOOD) {
                return deleteOnClose(temp);
            }
            Copy fromReplica = copyVerified(replica, key, temp);
            if (fromReplica != Copy.GOOD) {
                deleteQuietly(temp);
                if (fromPrimary == Copy.MISSING && fromReplica == Copy.MISSING) {
                    throw new ObjectNotFoundException(key);
                }
                if (fromPrimary == Copy.UNAVAILABLE || fromReplica == Copy.UNAVAILABLE) {
                    // a store that did not answer says nothing about the object: an outage (try again), not damage
                    throw new StorageException("Could not read " + key + ": the primary was " + fromPrimary
                            + " and the replica " + fromReplica);
                }
                IntegrityException damaged = new IntegrityException(
                        key,
                        "Integrity failure: object " + key + " is damaged or missing on the primary and on the replica."
                                + " Restore it from a backup.");
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw damaged;
                    }
                };
            }
            if (fromPrimary == Copy.UNAVAILABLE) {
                return deleteOnClose(temp); // served from the replica; the primary is away, not damaged
            }
            try (InputStream good = Files.newInputStream(temp)) {
                String type = replica.stat(key).map(StoredObject::contentType).orElse("application/octet-stream");
                primary.repair(key, good, type);
                LOG.warning(() ->
                        "Object " + key + " was damaged or missing on the primary and was repaired from the replica");
            }
            return deleteOnClose(temp);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StorageException("Could not read " + key + ": " + e.getMessage(), e);
        } catch (StorageException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private enum Copy {
        GOOD,
        MISSING,
        DAMAGED,
        /** The store did not answer, or broke off: nothing known of the object. */
        UNAVAILABLE
    }

    /** Copies the store's object into {@code target} if it is there and passes its digest. */
    private static Copy copyVerified(ObjectStore store, String key, Path target) throws IOException {
        try (InputStream in = store.get(key);
                OutputStream out = Files.newOutputStream(
                        target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
            return Copy.GOOD;
        } catch (ObjectNotFoundException e) {
            return Copy.MISSING;
        } catch (IntegrityException e) {
            return Copy.DAMAGED;
        } catch (StorageException | IOException e) {
            LOG.log(Level.WARNING, "Reading " + key + " from " + store.describe() + " failed: " + e.getMessage());
            return Copy.UNAVAILABLE;
        }
    }

    private static InputStream deleteOnClose(Path temp) throws IOException {
        return Files.newInputStream(temp, StandardOpenOption.DELETE_ON_CLOSE);
    }

    @Override
    public Optional<StoredObject> stat(String key) throws StorageException {
        Optional<StoredObject> p = primary.stat(key);
        return p.isPresent() ? p : replica.stat(key);
    }

    @Override
    public void delete(String key) throws StorageException {
        primary.delete(key);
        replica.delete(key);
    }

    @Override
    public void retain(String key, Instant until) throws StorageException {
        primary.retain(key, until);
        replica.retain(key, until);
    }

    @Override
    public void legalHold(String key, boolean on) throws StorageException {
        primary.legalHold(key, on);
        replica.legalHold(key, on);
    }

    @Override
    public Protection protection(String key) throws StorageException {
        return primary.protection(key);
    }

    @Override
    public StoredObject repair(String key, InputStream content, String contentType) throws StorageException {
        return primary.repair(key, content, contentType);
    }

    @Override
    public Stream<String> keys() throws StorageException {
        return primary.keys();
    }

    @Override
    public List<String> keysAfter(String after, int limit) throws StorageException {
        return primary.keysAfter(after, limit);
    }

    /** Verifies the primary's copy; a damaged or missing one is repaired from the replica (and reported as such). */
    @Override
    public StoredObject verify(String key) throws StorageException {
        try {
            return primary.verify(key);
        } catch (StorageException e) {
            try (InputStream in = get(key)) {
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException io) {
                throw new StorageException("Could not read " + key + ": " + io.getMessage(), io);
            }
            throw new RepairedException(key, e.getMessage());
        }
    }

    @Override
    public long rewrapKeys() throws StorageException {
        long n = 0;
        for (ObjectStore s : new ObjectStore[] {primary, replica}) {
            if (s instanceof KeyRotation rotation) {
                n += rotation.rewrapKeys();
            }
        }
        return n;
    }

    @Override
    public void ping() throws StorageException {
        primary.ping();
        replica.ping();
    }

    @Override
    public String describe() {
        return primary.describe() + " (replica " + replica.describe() + ")";
    }

    @Override
    public void close() {
        primary.close();
        replica.close();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the spool folder is cleaned at the next start
        }
    }

    /** The primary's copy was bad and has been repaired from the replica: worth an audit entry, not a failure. */
    public static final class RepairedException extends StorageException {
        private static final long serialVersionUID = 1L;

        RepairedException(String key, String cause) {
            super("Object " + key + " failed fixity on the primary (" + cause + ") and was repaired from the replica.");
        }
    }
}
