package org.earchive.storage;

import java.nio.file.Path;
import org.earchive.storage.crypto.Sealer;
import org.earchive.storage.fs.FileSystemObjectStore;
import org.earchive.storage.minio.MinioObjectStore;
import org.earchive.storage.minio.S3Settings;
import org.earchive.storage.replica.ReplicatedObjectStore;
import org.earchive.storage.worm.WriteOnceObjectStore;

/**
 * Opens the configured implementation of the port. Every store it opens enforces write-once protection ({@link
 * WriteOnceObjectStore}); a backend constructed directly only records it.
 */
public final class ObjectStores {
    private ObjectStores() {}

    /** The embedded default: files under {@code root}; encrypted at rest when {@code sealer} is not null. */
    public static ObjectStore filesystem(Path root, Sealer sealer) throws StorageException {
        return new WriteOnceObjectStore(new FileSystemObjectStore(root, sealer));
    }

    /** The production path: an S3-compatible server; encrypted client-side when {@code sealer} is not null. */
    public static ObjectStore s3(S3Settings settings, Sealer sealer) throws StorageException {
        return new WriteOnceObjectStore(new MinioObjectStore(settings, sealer));
    }

    /** Two stores kept in step; reads repair the primary from the replica. */
    public static ObjectStore replicated(ObjectStore primary, ObjectStore replica, Path spool) throws StorageException {
        return new ReplicatedObjectStore(primary, replica, spool);
    }
}
