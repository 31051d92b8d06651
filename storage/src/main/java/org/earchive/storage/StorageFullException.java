package org.earchive.storage;

import java.util.Set;

/**
 * The store has no room for the object: the disk of a local store is full (ENOSPC, a quota), or the S3 server says its
 * capacity or quota is exhausted. Nothing was kept; the same request succeeds once room is made, without a restart.
 */
public class StorageFullException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** What S3 servers answer when they have no room: Ceph RGW (ENOSPC, quotas), MinIO, the S3 protocol. */
    private static final Set<String> S3_FULL_CODES =
            Set.of("InsufficientCapacity", "InsufficientStorage", "QuotaExceeded", "XMinioStorageFull");

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A {@link StorageFullException} when the failure is a full disk or quota, otherwise a plain one. */
    public static StorageException of(String message, Throwable cause) {
        return fullDisk(cause) ? new StorageFullException(message, cause) : new StorageException(message, cause);
    }

    /** Whether an S3 error code (or HTTP status 507) means the server has no room. */
    public static boolean s3Full(String code, int status) {
        return status == 507 || (code != null && S3_FULL_CODES.contains(code));
    }

    /** Whether a failure (or one of its causes) is the operating system's "no space left" or "quota exceeded". */
    static boolean fullDisk(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }
}
