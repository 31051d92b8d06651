package org.earchive.storage.minio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an S3-compatible store is and how to sign requests to it.
 *
 * @param endpoint e.g. {@code http://127.0.0.1:9000}
 * @param region the signing region ({@code us-east-1} when the server does not care)
 * @param bucket the bucket holding the archive's objects
 * @param accessKey access key id
 * @param secretKey secret key (from the environment or a password alias, never from git)
 * @param spoolDir local folder where an incoming stream is spooled while its digests are computed
 */
public record S3Settings(
        String endpoint, String region, String bucket, String accessKey, String secretKey, Path spoolDir) {
    public S3Settings {
        Objects.requireNonNull(endpoint, "S3 endpoint is required");
        Objects.requireNonNull(bucket, "S3 bucket is required");
        Objects.requireNonNull(accessKey, "S3 access key is required");
        Objects.requireNonNull(secretKey, "S3 secret key is required");
        Objects.requireNonNull(spoolDir, "A local spool folder is required");
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
    }
}
