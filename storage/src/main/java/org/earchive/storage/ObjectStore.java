package org.earchive.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Where the archive keeps its bytes. Implementations stream in both directions (memory does not grow with object
 * size), compute SHA-256 and SM3 while writing, and verify SHA-256 while reading.
 *
 * <p>Contract, in plain words:
 *
 * <ul>
 *   <li>{@link #put} MUST NOT make an object visible before all its bytes are durable; on any failure it MUST leave
 *       nothing behind.
 *   <li>Keys are content-addressed ({@code sha256/<hex>}): putting the same bytes twice stores them once and returns
 *       {@code created == false} the second time.
 *   <li>{@link #get} MUST fail with an {@link IntegrityException} rather than complete a read whose bytes do not
 *       match the key.
 *   <li>{@link #delete} MUST refuse, with a {@link RetentionException}, an object under retention or legal hold —
 *       whatever the backend and whether or not the server behind it enforces S3 object lock: {@link ObjectStores} wraps
 *       every backend in {@link org.earchive.storage.worm.WriteOnceObjectStore}, which decides; a backend records.
 * </ul>
 */
public interface ObjectStore extends AutoCloseable {

    /** Stores the stream's bytes and returns what was stored. The stream is read to its end but not closed. */
    StoredObject put(InputStream content, String contentType) throws StorageException;

    /**
     * Opens the object for reading. The returned stream throws {@link IntegrityException} (an {@code IOException}) at
     * the end of the data if the bytes read do not match the object's digest or size.
     */
    InputStream get(String key) throws StorageException;

    /** The object's stored description, or empty if there is no such object. */
    Optional<StoredObject> stat(String key) throws StorageException;

    /**
     * Removes an object. Removing a missing object is not an error.
     *
     * @throws RetentionException if the object is under retention or legal hold
     */
    void delete(String key) throws StorageException;

    /**
     * Puts the object under retention until {@code until} (COMPLIANCE mode where the server supports object lock).
     *
     * @throws RetentionException if that would shorten a retention already set
     */
    void retain(String key, Instant until) throws StorageException;

    /** Sets or releases a legal hold. */
    void legalHold(String key, boolean on) throws StorageException;

    /** The object's retention and legal hold ({@link Protection#NONE} if none). */
    Protection protection(String key) throws StorageException;

    /**
     * Replaces damaged or missing bytes of {@code key} with {@code content}, which must match the key's digest (checked
     * before anything is replaced). Allowed under retention: the result is the original content. Used to repair a copy
     * from a replica or a backup.
     */
    StoredObject repair(String key, InputStream content, String contentType) throws StorageException;

    /** Every content key in the store, for audits. The caller closes the stream. */
    Stream<String> keys() throws StorageException;

    /**
     * Up to {@code limit} content keys greater than {@code after} ("" for the first), in ascending order: a scan of the
     * store in slices, each resuming where the last stopped. This default keeps only the {@code limit} smallest keys
     * in memory while it lists them all; a store that lists in key order (S3) answers from that point directly.
     */
    default List<String> keysAfter(String after, int limit) throws StorageException {
        PriorityQueue<String> smallest = new PriorityQueue<>(Comparator.reverseOrder());
        try (Stream<String> keys = keys()) {
            keys.filter(k -> k.compareTo(after) > 0).forEach(k -> {
                smallest.add(k);
                if (smallest.size() > limit) {
                    smallest.poll();
                }
            });
        }
        List<String> sorted = new ArrayList<>(smallest);
        Collections.sort(sorted);
        return sorted;
    }

    /** Reads the whole object and checks its digest; returns its description. */
    default StoredObject verify(String key) throws StorageException {
        StoredObject recorded = stat(key).orElseThrow(() -> new ObjectNotFoundException(key));
        try (InputStream in = get(key)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IntegrityException e) {
            throw new StorageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageException("Could not read object " + key + ": " + e.getMessage(), e);
        }
        return recorded.withCreated(false);
    }

    /** Answers only if the store is reachable and writable enough to serve; used by health readiness. */
    void ping() throws StorageException;

    /** A human-readable description of where the bytes live (no secrets). */
    String describe();

    @Override
    default void close() {}
}
