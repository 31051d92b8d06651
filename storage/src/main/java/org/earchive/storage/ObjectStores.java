package org.earchive.storage;

import java.nio.file.Path;
import org.earchive.storage.fs.FileSystemObjectStore;
import org.earchive.storage.minio.MinioObjectStore;
import org.earchive.storage.minio.S3Settings;

/** Opens the configured implementation of the port. */
public final class ObjectStores {
  private ObjectStores() {}

  /** The embedded default: files under {@code root}. */
  public static ObjectStore filesystem(Path root) throws StorageException {
    return new FileSystemObjectStore(root);
  }

  /** The production path: an S3-compatible server. */
  public static ObjectStore s3(S3Settings settings) throws StorageException {
    return new MinioObjectStore(settings);
  }
}
