package org.earchive.storage.minio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The Ceph RGW that {@code ./earchive test} starts ({@code scripts/ceph-rgw/rgw.sh}): its endpoint comes in
 * {@code EARCHIVE_TEST_RGW}. Without it tests are skipped, unless {@code EARCHIVE_TEST_RGW_REQUIRED=true} (as in CI),
 * where they fail.
 */
final class CephRgw {
    private static final String ENDPOINT = System.getenv("EARCHIVE_TEST_RGW");

    private CephRgw() {}

    /** A store on a fresh bucket of the running RGW (created with object lock), or the test is skipped. */
    static MinioObjectStore freshBucket(String prefix, Path spool) throws Exception {
        if (ENDPOINT == null || ENDPOINT.isBlank()) {
            if ("true".equals(System.getenv("EARCHIVE_TEST_RGW_REQUIRED"))) {
                throw new IllegalStateException(
                        "EARCHIVE_TEST_RGW_REQUIRED is set but EARCHIVE_TEST_RGW is not: Ceph RGW did not start");
            }
            assumeTrue(false, "Ceph RGW is not running (set EARCHIVE_TEST_RGW to its endpoint)");
        }
        String bucket = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new MinioObjectStore(
                new S3Settings(ENDPOINT, "us-east-1", bucket, "archiveAK", "archiveSecretKey123", spool));
    }
}
