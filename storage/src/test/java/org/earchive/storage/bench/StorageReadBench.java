package org.earchive.storage.bench;

import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    /** One way of reading page i, named as the table prints it. */
    private record Read(String name, StorageBench.Task task) {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String external = System.getenv("EARCHIVE_BENCH_S3_ENDPOINT");
        S3ProxyJunitCore proxy = null;
        String endpoint, accessKey, secretKey;
        if (external == null || external.isBlank()) {
            proxy = StorageBench.s3proxy();
            endpoint = proxy.getUri().toString();
            accessKey = StorageBench.ACCESS_KEY;
            secretKey = StorageBench.SECRET_KEY;
        } else {
            endpoint = external;
            accessKey = System.getenv("EARCHIVE_BENCH_S3_ACCESS_KEY");
            secretKey = System.getenv("EARCHIVE_BENCH_S3_SECRET_KEY");
        }
        Path spool = Files.createTempDirectory("earchive-bench-reads");
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String rawBucket = "reads-raw-" + suffix, portBucket = "reads-port-" + suffix;
        MinioClient raw = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(accessKey, secretKey)
                .build();
        try {
            raw.makeBucket(MakeBucketArgs.builder().bucket(rawBucket).build());
            raw.makeBucket(MakeBucketArgs.builder().bucket(portBucket).build()); // no object lock: the bench removes it
            MinioObjectStore port = new MinioObjectStore(
                    new S3Settings(endpoint, "us-east-1", portBucket, accessKey, secretKey, spool));
            List<byte[]> pages = StorageBench.pages(n);
            byte[][] digests = StorageBench.sha256Of(pages);
            String[] keys = new String[n];
            for (int i = 0; i < n; i++) {
                byte[] page = pages.get(i);
                keys[i] = port.put(new ByteArrayInputStream(page), "application/pdf")
                        .key();
                for (String key : new String[] {"page-" + i, keys[i]}) {
                    raw.putObject(PutObjectArgs.builder().bucket(rawBucket).object(key).stream(
                                    new ByteArrayInputStream(page), page.length, -1)
                            .contentType("application/pdf")
                            .build());
                }
            }
            List<Read> reads = List.of(
                    new Read("raw, short key (page-N)", i -> StorageBench.drain(raw, rawBucket, "page-" + i)),
                    new Read("raw, the port's key, no metadata", i -> StorageBench.drain(raw, rawBucket, keys[i])),
                    new Read(
                            "raw, the port's object (key + metadata)",
                            i -> StorageBench.drain(raw, portBucket, keys[i])),
                    new Read(
                            "  + SHA-256 of the bytes read, compared",
                            i -> StorageBench.drainChecked(raw, portBucket, keys[i], digests[i])),
                    new Read("port (verified read)", i -> StorageBench.drain(port, keys[i])));
            double[][] perSecond = new double[reads.size()][PASSES];
            for (int pass = 0; pass < PASSES; pass++) {
                for (int v = 0; v < reads.size(); v++) {
                    perSecond[v][pass] =
                            StorageBench.run(threads, n, reads.get(v).task());
                }
            }
            System.out.printf(
                    "storage reads: %d pages x %d KiB, %d thread%s, %d alternating passes (median), %s%n",
                    n,
                    StorageBench.SIZE / 1024,
                    threads,
                    threads == 1 ? "" : "s",
                    PASSES,
                    proxy != null ? "S3Proxy (filesystem) in this JVM" : endpoint);
            System.out.printf(
                    "date %s, %d cores, java %s%n%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.printf("  %-42s %9s %11s %11s %8s%n", "read", "obj/s", "ms/object", "vs first", "first/x");
            double first = 1000 / StorageBench.median(perSecond[0]);
            for (int v = 0; v < reads.size(); v++) {
                double ms = 1000 / StorageBench.median(perSecond[v]);
                System.out.printf(
                        "  %-42s %9.1f %11.3f %+11.3f %7.0f%%%n",
                        reads.get(v).name(), StorageBench.median(perSecond[v]), ms, ms - first, 100 * first / ms);
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

    private static void removeAll(MinioClient client, String bucket) {
        try {
            for (Result<Item> item : client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                client.removeObject(RemoveObjectArgs.builder()
                        .bucket(bucket)
                        .object(item.get().objectName())
                        .build());
            }
            client.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            System.err.println("could not remove the bench's bucket " + bucket + ": " + e.getMessage());
        }
    }

    private StorageReadBench() {}
}
