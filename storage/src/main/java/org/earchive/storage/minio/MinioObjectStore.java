package org.earchive.storage.minio;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earchive.storage.IntegrityException;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.digest.DigestingInputStream;
import org.earchive.storage.digest.FixityDigest;
import org.earchive.storage.digest.VerifyingInputStream;

/**
 * Objects in an S3 bucket under content-addressed keys. An incoming stream is first spooled to a local file while its
 * SHA-256 and SM3 are computed (the key depends on the digest, and S3 wants the length up front); the upload then
 * carries {@code x-amz-checksum-sha256} so that a server which supports it rejects bytes damaged on the way. Large
 * objects go up in 16 MiB parts.
 */
public final class MinioObjectStore implements ObjectStore {
  static final long PART_SIZE = 16L * 1024 * 1024;
  private static final String META_SHA256 = "sha256";
  private static final String META_SM3 = "sm3";
  private static final String META_STORED_AT = "stored-at";

  private final MinioClient client;
  private final S3Settings settings;

  public MinioObjectStore(S3Settings settings) throws StorageException {
    this.settings = settings;
    this.client =
        MinioClient.builder()
            .endpoint(settings.endpoint())
            .region(settings.region())
            .credentials(settings.accessKey(), settings.secretKey())
            .build();
    try {
      Files.createDirectories(settings.spoolDir());
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
        client.makeBucket(
            MakeBucketArgs.builder().bucket(settings.bucket()).region(settings.region()).build());
      }
    } catch (Exception e) {
      throw new StorageException(
          "Cannot reach the S3 store at " + settings.endpoint() + " (bucket " + settings.bucket() + "): " + e.getMessage(),
          e);
    }
  }

  /** The underlying client, for benchmarks that compare the port with the raw client. */
  public MinioClient client() {
    return client;
  }

  @Override
  public StoredObject put(InputStream content, String contentType) throws StorageException {
    Path spool = settings.spoolDir().resolve(UUID.randomUUID() + ".spool");
    try {
      FixityDigest.Result digest = spool(content, spool);
      String key = StoredObject.keyFor(digest.sha256Hex());
      Optional<StoredObject> existing = stat(key);
      if (existing.isPresent() && existing.get().size() == digest.length()) {
        return existing.get().withCreated(false);
      }
      Instant storedAt = Instant.now();
      String type = contentType == null ? "application/octet-stream" : contentType;
      try (InputStream in = Files.newInputStream(spool)) {
        client.putObject(
            PutObjectArgs.builder().bucket(settings.bucket()).object(key)
                .stream(in, digest.length(), digest.length() > PART_SIZE ? PART_SIZE : -1)
                .contentType(type)
                .headers(Map.of("x-amz-checksum-sha256", digest.sha256Base64()))
                .userMetadata(
                    Map.of(
                        META_SHA256, digest.sha256Hex(),
                        META_SM3, digest.sm3Hex(),
                        META_STORED_AT, storedAt.toString()))
                .build());
      }
      return new StoredObject(key, digest.length(), digest.sha256Hex(), digest.sm3Hex(), type, storedAt, true);
    } catch (StorageException e) {
      throw e;
    } catch (ErrorResponseException e) {
      throw new StorageException(
          "The S3 store refused the object: " + e.errorResponse().code() + " " + e.errorResponse().message(), e);
    } catch (Exception e) {
      throw new StorageException("Could not store the object at " + settings.endpoint() + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException ignored) {
        // the spool folder is cleaned at the next start
      }
    }
  }

  private static FixityDigest.Result spool(InputStream content, Path spool) throws IOException {
    DigestingInputStream in = new DigestingInputStream(content);
    try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      in.transferTo(out);
    }
    return in.digest().finish();
  }

  @Override
  public InputStream get(String key) throws StorageException {
    String sha256 = StoredObject.sha256Of(key);
    try {
      GetObjectResponse response =
          client.getObject(GetObjectArgs.builder().bucket(settings.bucket()).object(key).build());
      String length = response.headers().get("Content-Length");
      return new VerifyingInputStream(response, key, sha256, length == null ? -1 : Long.parseLong(length));
    } catch (ErrorResponseException e) {
      if (isNotFound(e)) {
        throw new ObjectNotFoundException(key);
      }
      throw new StorageException("The S3 store refused to read " + key + ": " + e.errorResponse().code(), e);
    } catch (Exception e) {
      throw new StorageException("Could not read " + key + " from " + settings.endpoint() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<StoredObject> stat(String key) throws StorageException {
    StoredObject.sha256Of(key);
    try {
      StatObjectResponse s =
          client.statObject(StatObjectArgs.builder().bucket(settings.bucket()).object(key).build());
      Map<String, String> meta = s.userMetadata();
      String storedAt = meta.get(META_STORED_AT);
      return Optional.of(
          new StoredObject(
              key,
              s.size(),
              StoredObject.sha256Of(key),
              meta.getOrDefault(META_SM3, ""),
              s.contentType(),
              storedAt == null ? s.lastModified().toInstant() : Instant.parse(storedAt),
              false));
    } catch (ErrorResponseException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw new StorageException("The S3 store refused to describe " + key + ": " + e.errorResponse().code(), e);
    } catch (Exception e) {
      throw new StorageException("Could not describe " + key + " at " + settings.endpoint() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String key) throws StorageException {
    StoredObject.sha256Of(key);
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
    } catch (Exception e) {
      throw new StorageException("Could not delete " + key + " at " + settings.endpoint() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public StoredObject verify(String key) throws StorageException {
    StoredObject recorded = stat(key).orElseThrow(() -> new ObjectNotFoundException(key));
    try (InputStream in = get(key)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IntegrityException e) {
      throw new StorageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new StorageException("Could not read " + key + ": " + e.getMessage(), e);
    }
    return recorded;
  }

  @Override
  public void ping() throws StorageException {
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
        throw new StorageException("The bucket " + settings.bucket() + " does not exist at " + settings.endpoint());
      }
    } catch (StorageException e) {
      throw e;
    } catch (Exception e) {
      throw new StorageException("The S3 store at " + settings.endpoint() + " does not answer: " + e.getMessage(), e);
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
