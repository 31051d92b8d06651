package org.earchive.storage.bench;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.earchive.storage.minio.MinioObjectStore;
import org.earchive.storage.minio.S3Settings;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;

/**
 * {@code ./earchive bench storage-reads [threads] [n]}: where a verified read of a page spends its time beyond the raw
 * client's read. The same pages are read, in alternating passes, as a raw object under a short key, under the port's
 * content-addressed key without metadata, as the port's own object (its key and metadata), the same plus the SHA-256 of
 * the bytes read, and through the port. Against S3Proxy in this JVM, or against another S3 server given by
 * {@code EARCHIVE_BENCH_S3_ENDPOINT} (with {@code EARCHIVE_BENCH_S3_ACCESS_KEY} / {@code _SECRET_KEY}); the bench
 * removes what it stored there.
 */
public final class StorageReadBench {
  static final int PASSES = 12;

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    String external = System.getenv("EARCHIVE_BENCH_S3_ENDPOINT");
    S3ProxyJunitCore proxy = null;
    String endpoint, accessKey, secretKey;
    if (external == null || external.isBlank()) {
      proxy = new S3ProxyJunitCore.Builder().withBlobStoreProvider("filesystem-nio2")
          .withCredentials("benchAK", "benchSecretKey123").build();
      proxy.beforeEach();
      endpoint = proxy.getUri().toString();
      accessKey = "benchAK";
      secretKey = "benchSecretKey123";
    } else {
      endpoint = external;
      accessKey = System.getenv("EARCHIVE_BENCH_S3_ACCESS_KEY");
      secretKey = System.getenv("EARCHIVE_BENCH_S3_SECRET_KEY");
    }
    Path spool = Files.createTempDirectory("earchive-bench-reads");
    String suffix = Long.toString(System.currentTimeMillis(), 36);
    String rawBucket = "reads-raw-" + suffix, portBucket = "reads-port-" + suffix;
    MinioClient raw = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
    try {
      raw.makeBucket(MakeBucketArgs.builder().bucket(rawBucket).build());
      raw.makeBucket(MakeBucketArgs.builder().bucket(portBucket).build()); // no object lock: the bench removes it
      MinioObjectStore port = new MinioObjectStore(new S3Settings(endpoint, "us-east-1", portBucket, accessKey, secretKey, spool));
      List<byte[]> pages = StorageBench.pages(n);
      String[] keys = new String[n];
      byte[][] digests = new byte[n][];
      for (int i = 0; i < n; i++) {
        byte[] page = pages.get(i);
        digests[i] = MessageDigest.getInstance("SHA-256").digest(page);
        keys[i] = port.put(new ByteArrayInputStream(page), "application/pdf").key();
        raw.putObject(PutObjectArgs.builder().bucket(rawBucket).object("page-" + i)
            .stream(new ByteArrayInputStream(page), page.length, -1).contentType("application/pdf").build());
        raw.putObject(PutObjectArgs.builder().bucket(rawBucket).object(keys[i])
            .stream(new ByteArrayInputStream(page), page.length, -1).contentType("application/pdf").build());
      }
      String[] names = {
        "raw, short key (page-N)",
        "raw, the port's key, no metadata",
        "raw, the port's object (key + metadata)",
        "  + SHA-256 of the bytes read, compared",
        "port (verified read)"
      };
      StorageBench.Task[] reads = {
        i -> drain(raw, rawBucket, "page-" + i),
        i -> drain(raw, rawBucket, keys[i]),
        i -> drain(raw, portBucket, keys[i]),
        i -> {
          MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
          try (InputStream in = raw.getObject(GetObjectArgs.builder().bucket(portBucket).object(keys[i]).build())) {
            byte[] buffer = new byte[8192];
            for (int k = in.read(buffer); k >= 0; k = in.read(buffer)) {
              sha256.update(buffer, 0, k);
            }
          }
          if (!Arrays.equals(sha256.digest(), digests[i])) {
            throw new IllegalStateException(keys[i] + " came back changed");
          }
        },
        i -> {
          try (InputStream in = port.get(keys[i])) {
            in.transferTo(OutputStream.nullOutputStream());
          }
        }
      };
      double[][] perSecond = new double[reads.length][PASSES];
      for (int pass = 0; pass < PASSES; pass++) {
        for (int v = 0; v < reads.length; v++) {
          perSecond[v][pass] = StorageBench.run(threads, n, reads[v]);
        }
      }
      System.out.printf("storage reads: %d pages x %d KiB, %d thread%s, %d alternating passes (median), %s%n",
          n, StorageBench.SIZE / 1024, threads, threads == 1 ? "" : "s", PASSES, proxy != null ? "S3Proxy (filesystem) in this JVM" : endpoint);
      System.out.printf("date %s, %d cores, java %s%n%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.printf("  %-42s %9s %11s %11s %8s%n", "read", "obj/s", "ms/object", "vs first", "first/x");
      double first = 1000 / StorageBench.median(perSecond[0]);
      for (int v = 0; v < reads.length; v++) {
        double ms = 1000 / StorageBench.median(perSecond[v]);
        System.out.printf("  %-42s %9.1f %11.3f %+11.3f %7.0f%%%n", names[v], StorageBench.median(perSecond[v]), ms, ms - first, 100 * first / ms);
      }
    } finally {
      removeAll(raw, rawBucket);
      removeAll(raw, portBucket);
      if (proxy != null) {
        proxy.afterEach();
      }
      StorageBench.deleteTree(spool);
    }
  }

  private static void drain(MinioClient client, String bucket, String key) throws Exception {
    try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static void removeAll(MinioClient client, String bucket) {
    try {
      for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(item.get().objectName()).build());
      }
      client.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
    } catch (Exception e) {
      System.err.println("could not remove the bench's bucket " + bucket + ": " + e.getMessage());
    }
  }

  private StorageReadBench() {}
}
