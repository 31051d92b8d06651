package org.earchive.storage.minio;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.earchive.storage.KeyRotation;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StorageFullException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.crypto.Sealer;
import org.earchive.storage.digest.FixityDigest;
import org.earchive.storage.digest.VerifyingInputStream;

/**
 * Objects in an S3 bucket under content-addressed keys. An incoming stream is first spooled to a local file while its
 * SHA-256 and SM3 are computed (the key depends on the digest, and S3 wants the length up front); the upload then
 * carries {@code x-amz-checksum-sha256} so that a server which supports it rejects bytes damaged on the way. Large
 * objects go up in 16 MiB parts.
 *
 * <p>Protection (retention, legal hold) is recorded by {@link S3Protection} and enforced by {@link
 * org.earchive.storage.worm.WriteOnceObjectStore}, which {@link org.earchive.storage.ObjectStores} wraps around this
 * store; the bucket's other chores are {@link S3Bucket}'s.
 */
public final class MinioObjectStore implements ObjectStore, KeyRotation {
    static final long PART_SIZE = 16L * 1024 * 1024;
    static final String META_SHA256 = "sha256";
    static final String META_SM3 = "sm3";
    static final String META_STORED_AT = "stored-at";

    static final String PROTECTION_PREFIX = "protection/";
    static final String KEY_PREFIX = "keys/";
    static final String META_SEALED = "sealed";
    static final String META_PLAIN_SIZE = "plain-size";
    static final String META_DEK_ID = "dek-id";

    private final MinioClient client;
    private final S3Settings settings;
    private final boolean objectLock;
    private final boolean conditionalPut;
    private final Sealer sealer;
    private final S3Bucket bucketOps;
    private final S3Protection protections;
    private final S3Writer writer;

    public MinioObjectStore(S3Settings settings) throws StorageException {
        this(settings, null);
    }

    /**
     * @param sealer encrypts new objects client-side when not null; the wrapped data key of each lives in a small
     *     {@code keys/<sha256>} object, so that key rotation rewrites those and never the objects
     */
    public MinioObjectStore(S3Settings settings, Sealer sealer) throws StorageException {
        this.settings = settings;
        this.sealer = sealer;
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
        this.bucketOps = new S3Bucket(client, settings);
        try {
            Files.createDirectories(settings.spoolDir());
            if (!client.bucketExists(
                    BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
                bucketOps.makeBucket();
            }
            this.objectLock = bucketOps.detectObjectLock();
            this.conditionalPut = bucketOps.detectConditionalPut();
        } catch (Exception e) {
            throw new StorageException(
                    "Cannot reach the S3 store at " + settings.endpoint() + " (bucket " + settings.bucket() + "): "
                            + e.getMessage(),
                    e);
        }
        this.protections = new S3Protection(client, settings, bucketOps, objectLock);
        this.writer = new S3Writer(client, settings, bucketOps, sealer);
    }

    /** Whether the server enforces S3 object lock on this bucket (in addition to this class's own rule). */
    public boolean enforcesObjectLock() {
        return objectLock;
    }

    public String bucket() {
        return settings.bucket();
    }

    /** The underlying client, for benchmarks that compare the port with the raw client. */
    public MinioClient client() {
        return client;
    }

    @Override
    public synchronized long rewrapKeys() throws StorageException {
        return writer.rewrapKeys();
    }

    @Override
    public StoredObject put(InputStream content, String contentType) throws StorageException {
        SpoolBuffer spool = new SpoolBuffer(settings.spoolDir());
        try {
            S3Writer.Spooled spooled = writer.spool(content, spool);
            FixityDigest.Result digest = spooled.plain();
            String key = StoredObject.keyFor(digest.sha256Hex());
            if (!conditionalPut) {
                Optional<StoredObject> existing = stat(key);
                if (existing.isPresent()) {
                    return existing.get().withCreated(false);
                }
            }
            Optional<StoredObject> created =
                    writer.upload(key, spool, spooled, contentType, Instant.now(), conditionalPut);
            if (created.isPresent()) {
                return created.get();
            }
            return stat(key)
                    .orElseThrow(() -> new StorageException("Object " + key + " vanished during the upload"))
                    .withCreated(false);
        } catch (IOException e) {
            throw StorageFullException.of("Could not read the incoming object: " + e.getMessage(), e);
        } finally {
            spool.discard();
        }
    }

    @Override
    public InputStream get(String key) throws StorageException {
        String sha256 = StoredObject.sha256Of(key);
        try {
            GetObjectResponse response = client.getObject(GetObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
            String sealedWith = response.headers().get("x-amz-meta-" + META_SEALED);
            if (sealedWith != null) {
                String wrapped = bucketOps.getSmall(
                        KEY_PREFIX + sha256 + "/" + response.headers().get("x-amz-meta-" + META_DEK_ID));
                if (sealer == null || wrapped == null) {
                    response.close();
                    throw new StorageException("Object " + key + " is encrypted at rest but "
                            + (sealer == null
                                    ? "no master key is configured (EARCHIVE_MASTER_KEYS)"
                                    : "its data key is missing"));
                }
                String plainSize = response.headers().get("x-amz-meta-" + META_PLAIN_SIZE);
                return new VerifyingInputStream(
                        sealer.open(response, wrapped, key),
                        key,
                        sha256,
                        plainSize == null ? -1 : Long.parseLong(plainSize));
            }
            String length = response.headers().get("Content-Length");
            return new VerifyingInputStream(response, key, sha256, length == null ? -1 : Long.parseLong(length));
        } catch (ErrorResponseException e) {
            if (S3Bucket.isNotFound(e)) {
                throw new ObjectNotFoundException(key);
            }
            throw new StorageException(
                    "The S3 store refused to read " + key + ": "
                            + e.errorResponse().code(),
                    e);
        } catch (StorageException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException(
                    "Could not read " + key + " from " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) throws StorageException {
        StoredObject.sha256Of(key);
        try {
            StatObjectResponse s = client.statObject(StatObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
            Map<String, String> meta = s.userMetadata();
            String storedAt = meta.get(META_STORED_AT);
            String plainSize = meta.get(META_PLAIN_SIZE);
            return Optional.of(new StoredObject(
                    key,
                    plainSize == null ? s.size() : Long.parseLong(plainSize),
                    StoredObject.sha256Of(key),
                    meta.getOrDefault(META_SM3, ""),
                    s.contentType(),
                    storedAt == null ? s.lastModified().toInstant() : Instant.parse(storedAt),
                    false));
        } catch (ErrorResponseException e) {
            if (S3Bucket.isNotFound(e)) {
                return Optional.empty();
            }
            throw new StorageException(
                    "The S3 store refused to describe " + key + ": "
                            + e.errorResponse().code(),
                    e);
        } catch (Exception e) {
            if (S3Bucket.causedByDateParsing(e)) {
                return Optional.of(bucketOps.statByReading(key));
            }
            throw new StorageException(
                    "Could not describe " + key + " at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws StorageException {
        StoredObject.sha256Of(key);
        try {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(S3Protection.recordName(key))
                    .build());
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket())
                    .prefix(KEY_PREFIX + StoredObject.sha256Of(key) + "/")
                    .build())) {
                bucketOps.removeQuietly(r.get().objectName());
            }
        } catch (Exception e) {
            throw new StorageException(
                    "Could not delete " + key + " at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void retain(String key, Instant until) throws StorageException {
        protections.write(
                key, new Protection(Optional.of(until), protection(key).legalHold()));
        protections.lockRetention(key, until);
    }

    @Override
    public void legalHold(String key, boolean on) throws StorageException {
        protections.write(key, protection(key).withLegalHold(on));
        protections.lockLegalHold(key, on);
    }

    @Override
    public Protection protection(String key) throws StorageException {
        return protections.read(key);
    }

    @Override
    public StoredObject repair(String key, InputStream content, String contentType) throws StorageException {
        String sha256 = StoredObject.sha256Of(key);
        SpoolBuffer spool = new SpoolBuffer(settings.spoolDir());
        try {
            S3Writer.Spooled spooled = writer.spool(content, spool);
            FixityDigest.Result digest = spooled.plain();
            if (!digest.sha256Hex().equals(sha256)) {
                throw new StorageException(
                        "Refusing to repair " + key + " with bytes whose SHA-256 is " + digest.sha256Hex());
            }
            // Under object lock the repaired bytes are a new version: the write-once decorator locks it again.
            return writer.upload(key, spool, spooled, contentType, Instant.now(), false)
                    .orElseThrow()
                    .withCreated(false);
        } catch (IOException e) {
            throw new StorageException("Could not repair " + key + ": " + e.getMessage(), e);
        } finally {
            spool.discard();
        }
    }

    @Override
    public Stream<String> keys() {
        return bucketOps.keys();
    }

    @Override
    public List<String> keysAfter(String after, int limit) throws StorageException {
        return bucketOps.keysAfter(after, limit);
    }

    @Override
    public void ping() throws StorageException {
        bucketOps.ping();
    }

    @Override
    public String describe() {
        return "s3:" + settings.endpoint() + "/" + settings.bucket();
    }
}
