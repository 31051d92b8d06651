package org.earchive.storage.minio;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earchive.storage.StorageException;
import org.earchive.storage.StorageFullException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.crypto.Keyring;
import org.earchive.storage.crypto.Sealer;
import org.earchive.storage.digest.DigestingInputStream;
import org.earchive.storage.digest.FixityDigest;

/**
 * Writes objects into an S3 bucket: the incoming stream spooled to a local file while its SHA-256 and SM3 are
 * computed (sealed on the way when encryption at rest is on, its data key kept in a small {@code keys/} object), then
 * uploaded with {@code x-amz-checksum-sha256}, in 16 MiB parts when large. Key rotation rewrites the small key objects,
 * never the objects.
 */
final class S3Writer {
    private final MinioClient client;
    private final S3Settings settings;
    private final S3Bucket bucket;
    private final Sealer sealer;

    S3Writer(MinioClient client, S3Settings settings, S3Bucket bucket, Sealer sealer) {
        this.client = client;
        this.settings = settings;
        this.bucket = bucket;
        this.sealer = sealer;
    }

    /**
     * Uploads the spooled bytes under {@code key}. With {@code onlyIfAbsent} the PUT carries {@code If-None-Match: *}:
     * the server stores the object only if the key is new, which spares a HEAD before every PUT; empty means it was
     * already there.
     */
    Optional<StoredObject> upload(
            String key, SpoolBuffer spool, Spooled spooled, String contentType, Instant storedAt, boolean onlyIfAbsent)
            throws StorageException {
        FixityDigest.Result digest = spooled.plain();
        String type = contentType == null ? "application/octet-stream" : contentType;
        HashMap<String, String> meta = new HashMap<>();
        meta.put(MinioObjectStore.META_SHA256, digest.sha256Hex());
        meta.put(MinioObjectStore.META_SM3, digest.sm3Hex());
        meta.put(MinioObjectStore.META_STORED_AT, storedAt.toString());
        String dekName = null;
        if (spooled.wrappedKey() != null) {
            // The key first: an object whose key is missing could never be opened; a key without its object is
            // harmless.
            // Each upload's key has its own name, recorded in the object's metadata, so two concurrent uploads of the
            // same bytes never overwrite each other's keys: the object that wins names the key it was sealed with.
            String dekId = UUID.randomUUID().toString();
            dekName = MinioObjectStore.KEY_PREFIX + digest.sha256Hex() + "/" + dekId;
            bucket.putSmall(dekName, spooled.wrappedKey());
            meta.put(MinioObjectStore.META_SEALED, sealer.algorithm().name());
            meta.put(MinioObjectStore.META_PLAIN_SIZE, Long.toString(digest.length()));
            meta.put(MinioObjectStore.META_DEK_ID, dekId);
        }
        Map<String, String> headers = onlyIfAbsent
                ? Map.of("x-amz-checksum-sha256", spooled.storedSha256Base64(), "If-None-Match", "*")
                : Map.of("x-amz-checksum-sha256", spooled.storedSha256Base64());
        try (InputStream in = spool.open()) {
            client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key).stream(
                            in,
                            spooled.storedLength(),
                            spooled.storedLength() > MinioObjectStore.PART_SIZE ? MinioObjectStore.PART_SIZE : -1)
                    .contentType(type)
                    .headers(headers)
                    .userMetadata(meta)
                    .build());
        } catch (ErrorResponseException e) {
            if (onlyIfAbsent
                    && (e.response().code() == 412
                            || "PreconditionFailed".equals(e.errorResponse().code()))) {
                bucket.removeQuietly(dekName);
                return Optional.empty();
            }
            String message = "The S3 store refused the object: "
                    + e.errorResponse().code() + " " + e.errorResponse().message();
            throw StorageFullException.s3Full(
                            e.errorResponse().code(), e.response().code())
                    ? new StorageFullException(message, e)
                    : new StorageException(message, e);
        } catch (Exception e) {
            throw new StorageException(
                    "Could not store the object at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
        return Optional.of(
                new StoredObject(key, digest.length(), digest.sha256Hex(), digest.sm3Hex(), type, storedAt, true));
    }

    /** A spooled incoming object: the plaintext's digests, and what will be uploaded (sealed or not). */
    record Spooled(FixityDigest.Result plain, String wrappedKey, long storedLength, String storedSha256Base64) {}

    Spooled spool(InputStream content, SpoolBuffer spool) throws IOException {
        DigestingInputStream in = new DigestingInputStream(content);
        MessageDigest stored;
        try {
            stored = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String wrappedKey = null;
        try (OutputStream file = new DigestOutputStream(spool, stored)) {
            if (sealer == null) {
                in.transferTo(file);
            } else {
                Sealer.Sealing sealing = sealer.seal(file);
                wrappedKey = sealing.wrappedKey();
                in.transferTo(sealing);
                sealing.finish();
            }
        }
        return new Spooled(
                in.digest().finish(),
                wrappedKey,
                spool.length(),
                Base64.getEncoder().encodeToString(stored.digest()));
    }

    /**
     * Key rotation: re-wraps every data key not under the current master key. Only the small {@code keys/} objects are
     * rewritten, never the archived objects. Returns how many were re-wrapped.
     */
    synchronized long rewrapKeys() throws StorageException {
        if (sealer == null) {
            return 0;
        }
        long rewrapped = 0;
        for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                .bucket(settings.bucket())
                .prefix(MinioObjectStore.KEY_PREFIX)
                .recursive(true)
                .build())) {
            String name;
            try {
                name = r.get().objectName();
            } catch (Exception e) {
                throw new StorageException("Listing the data keys failed: " + e.getMessage(), e);
            }
            String wrapped = bucket.getSmall(name);
            if (wrapped == null || sealer.keyring().isCurrent(wrapped)) {
                continue;
            }
            try {
                bucket.putSmall(name, sealer.rewrap(wrapped));
            } catch (Keyring.KeyUnavailableException e) {
                throw new StorageException("Key rotation stopped at " + name + ": " + e.getMessage(), e);
            }
            rewrapped++;
        }
        return rewrapped;
    }
}
