package org.earchive.storage.minio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.UUID;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The whole port contract once more, against Ceph RGW with object lock and versioning (see CephRgwObjectLockTest). */
class CephRgwContractTest extends ObjectStoreContract {
  private static final String ENDPOINT = System.getenv("EARCHIVE_TEST_RGW");

  @TempDir Path spool;
  private MinioObjectStore store;
  private String bucket;

  @BeforeEach
  void open() throws Exception {
    if (ENDPOINT == null || ENDPOINT.isBlank()) {
      if ("true".equals(System.getenv("EARCHIVE_TEST_RGW_REQUIRED"))) {
        throw new IllegalStateException("EARCHIVE_TEST_RGW_REQUIRED is set but EARCHIVE_TEST_RGW is not");
      }
      assumeTrue(false, "Ceph RGW is not running (set EARCHIVE_TEST_RGW to its endpoint)");
    }
    bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    store = new MinioObjectStore(new S3Settings(ENDPOINT, "us-east-1", bucket, "archiveAK", "archiveSecretKey123", spool));
  }

  @Override
  protected ObjectStore store() {
    return store;
  }

  @Override
  protected void tamper(String key, byte[] newBytes) throws Exception {
    store.client().putObject(
        PutObjectArgs.builder().bucket(bucket).object(key)
            .stream(new ByteArrayInputStream(newBytes), newBytes.length, -1)
            .build());
  }
}
