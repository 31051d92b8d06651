package org.earchive.storage;

import java.io.InputStream;
import java.util.Optional;

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

  /** Removes an object. Removing a missing object is not an error. */
  void delete(String key) throws StorageException;

  /** Reads the whole object and checks its digest; returns the recomputed description. */
  StoredObject verify(String key) throws StorageException;

  /** Answers only if the store is reachable and writable enough to serve; used by health readiness. */
  void ping() throws StorageException;

  /** A human-readable description of where the bytes live (no secrets). */
  String describe();

  @Override
  default void close() {}
}
