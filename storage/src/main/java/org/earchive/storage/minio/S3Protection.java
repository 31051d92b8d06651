package org.earchive.storage.minio;

import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.MinioClient;
import io.minio.SetObjectRetentionArgs;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Write-once protection in an S3 bucket. The store's own record of each object's retention and legal hold lives in a
 * small object {@code protection/<sha256>}, consulted before any delete, so the rule holds on servers without object
 * lock (S3Proxy); where the bucket has object lock (MinIO, Ceph RGW) the object itself is also locked in COMPLIANCE
 * mode and the server refuses to delete the locked version.
 */
final class S3Protection {
    private final MinioClient client;
    private final S3Settings settings;
    private final S3Bucket bucket;
    private final boolean objectLock;

    S3Protection(MinioClient client, S3Settings settings, S3Bucket bucket, boolean objectLock) {
        this.client = client;
        this.settings = settings;
        this.bucket = bucket;
        this.objectLock = objectLock;
    }

    static String recordName(String key) {
        return MinioObjectStore.PROTECTION_PREFIX + StoredObject.sha256Of(key);
    }

    Protection read(String key) throws StorageException {
        String text = bucket.getSmall(recordName(key));
        if (text == null) {
            return Protection.NONE;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new StorageException("Could not read the protection of " + key + ": " + e.getMessage(), e);
        }
        return new Protection(
                Optional.ofNullable(p.getProperty("retainUntil")).map(Instant::parse),
                Boolean.parseBoolean(p.getProperty("legalHold", "false")));
    }

    void write(String key, Protection protection) throws StorageException {
        StringBuilder text = new StringBuilder();
        protection
                .retainUntil()
                .ifPresent(t -> text.append("retainUntil=").append(t).append('\n'));
        text.append("legalHold=").append(protection.legalHold()).append('\n');
        bucket.putSmall(recordName(key), text.toString());
    }

    /** Locks the object itself until {@code until}, where the bucket has object lock. */
    void lockRetention(String key, Instant until) throws StorageException {
        if (!objectLock) {
            return;
        }
        try {
            client.setObjectRetention(SetObjectRetentionArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .config(new Retention(RetentionMode.COMPLIANCE, until.atZone(ZoneOffset.UTC)))
                    .build());
        } catch (Exception e) {
            throw new StorageException("The S3 store refused the retention of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Sets or releases the object's own legal hold, where the bucket has object lock. */
    void lockLegalHold(String key, boolean on) throws StorageException {
        if (!objectLock) {
            return;
        }
        try {
            if (on) {
                client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .build());
            } else {
                client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .build());
            }
        } catch (Exception e) {
            throw new StorageException("The S3 store refused the legal hold of " + key + ": " + e.getMessage(), e);
        }
    }
}
