package org.earchive.storage.minio;

import io.minio.BucketExistsArgs;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.earchive.storage.KeyRotation;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.crypto.Keyring;
import org.earchive.storage.crypto.Sealer;
import org.earchive.storage.digest.DigestingInputStream;
import org.earchive.storage.digest.FixityDigest;
import org.earchive.storage.digest.VerifyingInputStream;

/**
 * Objects in an S3 bucket under content-addressed keys. An incoming stream is first spooled to a local file while its
 * SHA-256 and SM3 are computed (the key depends on the digest, and S3 wants the length up front); the upload then
 * carries {@code x-amz-checksum-sha256} so that a server which supports it rejects bytes damaged on the way. Large
 * objects go up in 16 MiB parts.
 *
 * <p>Protection (retention, legal hold) is recorded in a small description object {@code protection/<sha256>} that
 * this class consults before any delete, so the rule holds on servers without object lock (S3Proxy); where the
 * bucket has object lock (MinIO, Ceph RGW), the object itself is also locked in COMPLIANCE mode and the server
 * refuses to delete the locked version.
 */
public final class MinioObjectStore implements ObjectStore, KeyRotation {
    static final long PART_SIZE = 16L * 1024 * 1024;
    private static final String META_SHA256 = "sha256";
    private static final String META_SM3 = "sm3";
    private static final String META_STORED_AT = "stored-at";

    private static final String PROTECTION_PREFIX = "protection/";
    private static final String KEY_PREFIX = "keys/";
    private static final String META_SEALED = "sealed";
    private static final String META_PLAIN_SIZE = "plain-size";
    private static final String META_DEK_ID = "dek-id";

    private final MinioClient client;
    private final S3Settings settings;
    private final boolean objectLock;
    private final boolean conditionalPut;
    private final Sealer sealer;

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
        try {
            Files.createDirectories(settings.spoolDir());
            if (!client.bucketExists(
                    BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
                makeBucket();
            }
            this.objectLock = detectObjectLock();
            this.conditionalPut = detectConditionalPut();
        } catch (Exception e) {
            throw new StorageException(
                    "Cannot reach the S3 store at " + settings.endpoint() + " (bucket " + settings.bucket() + "): "
                            + e.getMessage(),
                    e);
        }
    }

    /** With object lock where the server has it (MinIO, Ceph RGW); without where it refuses the header (S3Proxy). */
    private void makeBucket() throws Exception {
        try {
            client.makeBucket(MakeBucketArgs.builder()
                    .bucket(settings.bucket())
                    .region(settings.region())
                    .objectLock(true)
                    .build());
        } catch (ErrorResponseException e) {
            if (!"NotImplemented".equals(e.errorResponse().code())) {
                throw e;
            }
            client.makeBucket(MakeBucketArgs.builder()
                    .bucket(settings.bucket())
                    .region(settings.region())
                    .build());
        }
    }

    private boolean detectObjectLock() {
        try {
            client.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder()
                    .bucket(settings.bucket())
                    .build());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Whether the server honours {@code If-None-Match: *} on PUT in this bucket (S3Proxy, MinIO, AWS do; Ceph RGW
     * Pacific ignores it in versioned buckets). Where it does, a new object costs one request; elsewhere a HEAD first.
     */
    private boolean detectConditionalPut() {
        String probe = "probe/conditional-put-" + UUID.randomUUID();
        try {
            for (int i = 0; i < 2; i++) {
                client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(probe).stream(
                                new ByteArrayInputStream(new byte[1]), 1, -1)
                        .headers(Map.of("If-None-Match", "*"))
                        .build());
            }
            return false;
        } catch (ErrorResponseException e) {
            return e.response().code() == 412
                    || "PreconditionFailed".equals(e.errorResponse().code());
        } catch (Exception e) {
            return false;
        } finally {
            try {
                for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                        .bucket(settings.bucket())
                        .prefix(probe)
                        .includeVersions(true)
                        .build())) {
                    Item item = r.get();
                    client.removeObject(RemoveObjectArgs.builder()
                            .bucket(settings.bucket())
                            .object(item.objectName())
                            .versionId(item.versionId())
                            .build());
                }
            } catch (Exception ignored) {
                // a probe left behind is harmless: it is not under sha256/
            }
        }
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
    public StoredObject put(InputStream content, String contentType) throws StorageException {
        SpoolBuffer spool = new SpoolBuffer(settings.spoolDir());
        try {
            Spooled spooled = spool(content, spool);
            FixityDigest.Result digest = spooled.plain();
            String key = StoredObject.keyFor(digest.sha256Hex());
            if (!conditionalPut) {
                Optional<StoredObject> existing = stat(key);
                if (existing.isPresent()) {
                    return existing.get().withCreated(false);
                }
            }
            Optional<StoredObject> created = upload(key, spool, spooled, contentType, Instant.now(), conditionalPut);
            if (created.isPresent()) {
                return created.get();
            }
            return stat(key)
                    .orElseThrow(() -> new StorageException("Object " + key + " vanished during the upload"))
                    .withCreated(false);
        } catch (IOException e) {
            throw new StorageException("Could not read the incoming object: " + e.getMessage(), e);
        } finally {
            spool.discard();
        }
    }

    /**
     * Uploads the spooled bytes under {@code key}. With {@code onlyIfAbsent} the PUT carries {@code If-None-Match: *}:
     * the server stores the object only if the key is new, which spares a HEAD before every PUT; empty means it was
     * already there.
     */
    private Optional<StoredObject> upload(
            String key, SpoolBuffer spool, Spooled spooled, String contentType, Instant storedAt, boolean onlyIfAbsent)
            throws StorageException {
        FixityDigest.Result digest = spooled.plain();
        String type = contentType == null ? "application/octet-stream" : contentType;
        java.util.HashMap<String, String> meta = new java.util.HashMap<>();
        meta.put(META_SHA256, digest.sha256Hex());
        meta.put(META_SM3, digest.sm3Hex());
        meta.put(META_STORED_AT, storedAt.toString());
        String dekName = null;
        if (spooled.wrappedKey() != null) {
            // The key first: an object whose key is missing could never be opened; a key without its object is
            // harmless.
            // Each upload's key has its own name, recorded in the object's metadata, so two concurrent uploads of the
            // same bytes never overwrite each other's keys: the object that wins names the key it was sealed with.
            String dekId = UUID.randomUUID().toString();
            dekName = KEY_PREFIX + digest.sha256Hex() + "/" + dekId;
            putSmall(dekName, spooled.wrappedKey());
            meta.put(META_SEALED, sealer.algorithm().name());
            meta.put(META_PLAIN_SIZE, Long.toString(digest.length()));
            meta.put(META_DEK_ID, dekId);
        }
        Map<String, String> headers = onlyIfAbsent
                ? Map.of("x-amz-checksum-sha256", spooled.storedSha256Base64(), "If-None-Match", "*")
                : Map.of("x-amz-checksum-sha256", spooled.storedSha256Base64());
        try (InputStream in = spool.open()) {
            client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key).stream(
                            in, spooled.storedLength(), spooled.storedLength() > PART_SIZE ? PART_SIZE : -1)
                    .contentType(type)
                    .headers(headers)
                    .userMetadata(meta)
                    .build());
        } catch (ErrorResponseException e) {
            if (onlyIfAbsent
                    && (e.response().code() == 412
                            || "PreconditionFailed".equals(e.errorResponse().code()))) {
                removeQuietly(dekName);
                return Optional.empty();
            }
            throw new StorageException(
                    "The S3 store refused the object: " + e.errorResponse().code() + " "
                            + e.errorResponse().message(),
                    e);
        } catch (Exception e) {
            throw new StorageException(
                    "Could not store the object at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
        return Optional.of(
                new StoredObject(key, digest.length(), digest.sha256Hex(), digest.sm3Hex(), type, storedAt, true));
    }

    /** A spooled incoming object: the plaintext's digests, and what will be uploaded (sealed or not). */
    private record Spooled(
            FixityDigest.Result plain, String wrappedKey, long storedLength, String storedSha256Base64) {}

    private Spooled spool(InputStream content, SpoolBuffer spool) throws IOException {
        DigestingInputStream in = new DigestingInputStream(content);
        java.security.MessageDigest stored;
        try {
            stored = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String wrappedKey = null;
        try (OutputStream file = new java.security.DigestOutputStream(spool, stored)) {
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
                java.util.Base64.getEncoder().encodeToString(stored.digest()));
    }

    private void removeQuietly(String name) {
        if (name == null) {
            return;
        }
        try {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(name)
                    .build());
        } catch (Exception ignored) {
            // an unused data key opens nothing; the fixity audit does not count it as an object
        }
    }

    private void putSmall(String name, String text) throws StorageException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(name).stream(
                            new ByteArrayInputStream(bytes), bytes.length, -1)
                    .contentType("text/plain")
                    .build());
        } catch (Exception e) {
            throw new StorageException(
                    "Could not write " + name + " at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    private String getSmall(String name) throws StorageException {
        try (InputStream in = client.getObject(
                GetObjectArgs.builder().bucket(settings.bucket()).object(name).build())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                return null;
            }
            throw new StorageException(
                    "The S3 store refused to read " + name + ": "
                            + e.errorResponse().code(),
                    e);
        } catch (Exception e) {
            throw new StorageException(
                    "Could not read " + name + " at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Key rotation: re-wraps every data key not under the current master key. Only the small {@code keys/} objects are
     * rewritten, never the archived objects. Returns how many were re-wrapped.
     */
    @Override
    public synchronized long rewrapKeys() throws StorageException {
        if (sealer == null) {
            return 0;
        }
        long rewrapped = 0;
        for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                .bucket(settings.bucket())
                .prefix(KEY_PREFIX)
                .recursive(true)
                .build())) {
            String name;
            try {
                name = r.get().objectName();
            } catch (Exception e) {
                throw new StorageException("Listing the data keys failed: " + e.getMessage(), e);
            }
            String wrapped = getSmall(name);
            if (wrapped == null || sealer.keyring().isCurrent(wrapped)) {
                continue;
            }
            try {
                putSmall(name, sealer.rewrap(wrapped));
            } catch (Keyring.KeyUnavailableException e) {
                throw new StorageException("Key rotation stopped at " + name + ": " + e.getMessage(), e);
            }
            rewrapped++;
        }
        return rewrapped;
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
                String wrapped =
                        getSmall(KEY_PREFIX + sha256 + "/" + response.headers().get("x-amz-meta-" + META_DEK_ID));
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
            if (isNotFound(e)) {
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
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw new StorageException(
                    "The S3 store refused to describe " + key + ": "
                            + e.errorResponse().code(),
                    e);
        } catch (Exception e) {
            if (causedByDateParsing(e)) {
                return Optional.of(statByReading(key));
            }
            throw new StorageException(
                    "Could not describe " + key + " at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ceph RGW (Pacific) sends retain-until dates with nanoseconds, which the MinIO client cannot parse in a HEAD
     * response; for such locked objects the description is read from the headers of a one-byte ranged GET instead.
     */
    private StoredObject statByReading(String key) throws StorageException {
        try (GetObjectResponse r = client.getObject(GetObjectArgs.builder()
                .bucket(settings.bucket())
                .object(key)
                .offset(0L)
                .length(1L)
                .build())) {
            String range = r.headers().get("Content-Range");
            String plainSize = r.headers().get("x-amz-meta-" + META_PLAIN_SIZE);
            long size = plainSize != null
                    ? Long.parseLong(plainSize)
                    : range == null
                            ? Long.parseLong(r.headers().get("Content-Length"))
                            : Long.parseLong(range.substring(range.indexOf('/') + 1));
            String sm3 = r.headers().get("x-amz-meta-" + META_SM3);
            String storedAt = r.headers().get("x-amz-meta-" + META_STORED_AT);
            return new StoredObject(
                    key,
                    size,
                    StoredObject.sha256Of(key),
                    sm3 == null ? "" : sm3,
                    r.headers().get("Content-Type"),
                    storedAt == null ? Instant.EPOCH : Instant.parse(storedAt),
                    false);
        } catch (Exception e) {
            throw new StorageException(
                    "Could not describe " + key + " at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    private static boolean causedByDateParsing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.time.format.DateTimeParseException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void delete(String key) throws StorageException {
        StoredObject.sha256Of(key);
        protection(key).checkDeletable(key, Instant.now());
        try {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .build());
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(PROTECTION_PREFIX + StoredObject.sha256Of(key))
                    .build());
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket())
                    .prefix(KEY_PREFIX + StoredObject.sha256Of(key) + "/")
                    .build())) {
                removeQuietly(r.get().objectName());
            }
        } catch (Exception e) {
            throw new StorageException(
                    "Could not delete " + key + " at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void retain(String key, Instant until) throws StorageException {
        Protection extended = protection(key).extendedTo(key, until);
        requireExists(key);
        writeProtection(key, extended);
        if (objectLock) {
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
    }

    @Override
    public synchronized void legalHold(String key, boolean on) throws StorageException {
        requireExists(key);
        writeProtection(key, protection(key).withLegalHold(on));
        if (objectLock) {
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

    @Override
    public Protection protection(String key) throws StorageException {
        String text = getSmall(PROTECTION_PREFIX + StoredObject.sha256Of(key));
        if (text == null) {
            return Protection.NONE;
        }
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (IOException e) {
            throw new StorageException("Could not read the protection of " + key + ": " + e.getMessage(), e);
        }
        return new Protection(
                Optional.ofNullable(p.getProperty("retainUntil")).map(Instant::parse),
                Boolean.parseBoolean(p.getProperty("legalHold", "false")));
    }

    private void writeProtection(String key, Protection protection) throws StorageException {
        StringBuilder text = new StringBuilder();
        protection
                .retainUntil()
                .ifPresent(t -> text.append("retainUntil=").append(t).append('\n'));
        text.append("legalHold=").append(protection.legalHold()).append('\n');
        putSmall(PROTECTION_PREFIX + StoredObject.sha256Of(key), text.toString());
    }

    private void requireExists(String key) throws StorageException {
        if (stat(key).isEmpty()) {
            throw new ObjectNotFoundException(key);
        }
    }

    @Override
    public synchronized StoredObject repair(String key, InputStream content, String contentType)
            throws StorageException {
        String sha256 = StoredObject.sha256Of(key);
        SpoolBuffer spool = new SpoolBuffer(settings.spoolDir());
        try {
            Spooled spooled = spool(content, spool);
            FixityDigest.Result digest = spooled.plain();
            if (!digest.sha256Hex().equals(sha256)) {
                throw new StorageException(
                        "Refusing to repair " + key + " with bytes whose SHA-256 is " + digest.sha256Hex());
            }
            Protection protection = protection(key);
            StoredObject repaired = upload(key, spool, spooled, contentType, Instant.now(), false)
                    .orElseThrow()
                    .withCreated(false);
            // Under object lock the repaired bytes are a new version: lock it like the original.
            protection.retainUntil().ifPresent(until -> retainQuietly(key, until));
            if (protection.legalHold()) {
                legalHold(key, true);
            }
            return repaired;
        } catch (IOException e) {
            throw new StorageException("Could not repair " + key + ": " + e.getMessage(), e);
        } finally {
            spool.discard();
        }
    }

    private void retainQuietly(String key, Instant until) {
        try {
            retain(key, until);
        } catch (StorageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Stream<String> keys() {
        Iterator<Result<Item>> items = client.listObjects(ListObjectsArgs.builder()
                        .bucket(settings.bucket())
                        .prefix(StoredObject.KEY_PREFIX)
                        .recursive(true)
                        .build())
                .iterator();
        Iterator<String> keys = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public String next() {
                try {
                    return items.next().get().objectName();
                } catch (Exception e) {
                    throw new IllegalStateException("Listing " + settings.bucket() + " failed: " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED), false);
    }

    @Override
    public void ping() throws StorageException {
        try {
            if (!client.bucketExists(
                    BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
                throw new StorageException(
                        "The bucket " + settings.bucket() + " does not exist at " + settings.endpoint());
            }
        } catch (StorageException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException(
                    "The S3 store at " + settings.endpoint() + " does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3:" + settings.endpoint() + "/" + settings.bucket();
    }

    private static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
    }
}
