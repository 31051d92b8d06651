package org.earchive.storage.minio;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * One S3 bucket through the MinIO client: what the store needs beyond its objects' own bytes (the bucket made with
 * object lock where the server has it, the server's abilities probed, small text objects for data keys and
 * protection, a locked object described by reading its headers).
 */
final class S3Bucket {
    private final MinioClient client;
    private final S3Settings settings;

    S3Bucket(MinioClient client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** With object lock where the server has it (MinIO, Ceph RGW); without where it refuses the header (S3Proxy). */
    void makeBucket() throws Exception {
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

    boolean detectObjectLock() {
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
    boolean detectConditionalPut() {
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

    void removeQuietly(String name) {
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

    void putSmall(String name, String text) throws StorageException {
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

    String getSmall(String name) throws StorageException {
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
     * Ceph RGW (Pacific) sends retain-until dates with nanoseconds, which the MinIO client cannot parse in a HEAD
     * response; for such locked objects the description is read from the headers of a one-byte ranged GET instead.
     */
    StoredObject statByReading(String key) throws StorageException {
        try (GetObjectResponse r = client.getObject(GetObjectArgs.builder()
                .bucket(settings.bucket())
                .object(key)
                .offset(0L)
                .length(1L)
                .build())) {
            String range = r.headers().get("Content-Range");
            String plainSize = r.headers().get("x-amz-meta-" + MinioObjectStore.META_PLAIN_SIZE);
            long size = plainSize != null
                    ? Long.parseLong(plainSize)
                    : range == null
                            ? Long.parseLong(r.headers().get("Content-Length"))
                            : Long.parseLong(range.substring(range.indexOf('/') + 1));
            String sm3 = r.headers().get("x-amz-meta-" + MinioObjectStore.META_SM3);
            String storedAt = r.headers().get("x-amz-meta-" + MinioObjectStore.META_STORED_AT);
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

    static boolean causedByDateParsing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DateTimeParseException) {
                return true;
            }
        }
        return false;
    }

    static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
    }

    Stream<String> keys() {
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

    /** Up to {@code limit} keys after {@code after}, in the bucket's (lexicographic) listing order. */
    List<String> keysAfter(String after, int limit) throws StorageException {
        ListObjectsArgs.Builder args = ListObjectsArgs.builder()
                .bucket(settings.bucket())
                .prefix(StoredObject.KEY_PREFIX)
                .recursive(true)
                .maxKeys(Math.max(1, Math.min(limit, 1000)));
        if (!after.isEmpty()) {
            args.startAfter(after);
        }
        List<String> keys = new ArrayList<>();
        try {
            for (Iterator<Result<Item>> items = client.listObjects(args.build()).iterator();
                    items.hasNext() && keys.size() < limit; ) {
                keys.add(items.next().get().objectName());
            }
        } catch (Exception e) {
            throw new StorageException("Listing " + settings.bucket() + " failed: " + e.getMessage(), e);
        }
        return keys;
    }

    void ping() throws StorageException {
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
}
