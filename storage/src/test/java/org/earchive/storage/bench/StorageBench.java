package org.earchive.storage.bench;

import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.fs.FileSystemObjectStore;
import org.earchive.storage.minio.MinioObjectStore;
import org.earchive.storage.minio.S3Settings;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;

/**
 * {@code ./earchive bench storage}: puts and gets N objects of 200 KiB (a typical page) through the port and through
 * the raw MinIO client against the same S3 server (S3Proxy, filesystem backend, loopback) in the same run, in
 * alternating rounds, and the embedded default (filesystem store) with 8 concurrent writers. Prints throughputs and
 * the port's overhead, and for reads also the raw client plus the SHA-256 check that every verified read must make, to
 * tell the check's cost from the rest of the port's. Not a test: figures go to docs/benchmarks.md.
 */
public final class StorageBench {
    static final int SIZE = 200 * 1024;
    static final int READS = 5;
    static final String ACCESS_KEY = "benchAK";
    static final String SECRET_KEY = "benchSecretKey123";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = 3;
        Path work = Files.createTempDirectory("earchive-bench-storage");
        List<byte[]> pages = pages(n);
        byte[][] digests = sha256Of(pages);
        S3ProxyJunitCore proxy = s3proxy();
        try {
            String endpoint = proxy.getUri().toString();
            MinioClient raw = MinioClient.builder()
                    .endpoint(endpoint)
                    .credentials(ACCESS_KEY, SECRET_KEY)
                    .build();
            System.out.printf(
                    "storage benchmark: %d objects x %d KiB, %d alternating rounds, S3Proxy (filesystem) on 127.0.0.1%n",
                    n, SIZE / 1024, rounds);
            System.out.printf(
                    "date %s, %d cores, java %s%n%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            for (int threads : new int[] {1, 8}) {
                double[] rawPut = new double[rounds], portPut = new double[rounds];
                // A read pass of 2,000 pages takes 1-3 s, short enough for one burst of a neighbour's load to move it
                // by
                // 10%: the three kinds of read alternate READS times in each round, and each figure is the median of
                // all.
                double[] rawGet = new double[rounds * READS], rawGetSha = new double[rounds * READS];
                double[] portGet = new double[rounds * READS];
                for (int r = 0; r < rounds; r++) {
                    String bucket = "raw" + threads + "x" + r;
                    raw.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    rawPut[r] = run(
                            threads,
                            n,
                            i -> raw.putObject(PutObjectArgs.builder().bucket(bucket).object("page-" + i).stream(
                                            new ByteArrayInputStream(pages.get(i)), SIZE, -1)
                                    .contentType("application/pdf")
                                    .build()));
                    MinioObjectStore port = new MinioObjectStore(new S3Settings(
                            endpoint,
                            "us-east-1",
                            "port" + threads + "x" + r,
                            ACCESS_KEY,
                            SECRET_KEY,
                            work.resolve("spool")));
                    String[] keys = new String[n];
                    portPut[r] = run(
                            threads,
                            n,
                            i -> keys[i] = port.put(new ByteArrayInputStream(pages.get(i)), "application/pdf")
                                    .key());
                    for (int pass = 0; pass < READS; pass++) {
                        int at = r * READS + pass;
                        rawGet[at] = run(threads, n, i -> drain(raw, bucket, "page-" + i));
                        // The same raw read, plus the one check a verified read cannot leave out. What the port costs
                        // beyond this
                        // line is its own overhead.
                        rawGetSha[at] = run(threads, n, i -> drainChecked(raw, bucket, "page-" + i, digests[i]));
                        portGet[at] = run(threads, n, i -> drain(port, keys[i]));
                    }
                }
                System.out.printf(
                        "S3, %d thread%s (median of %d rounds; gets: of %d passes)      put obj/s   get obj/s%n",
                        threads, threads == 1 ? "" : "s", rounds, rounds * READS);
                System.out.printf(
                        "  raw MinIO client                      %9.1f   %9.1f%n", median(rawPut), median(rawGet));
                System.out.printf("  raw + SHA-256 check of the read       %9s   %9.1f%n", "-", median(rawGetSha));
                System.out.printf(
                        "  port (SHA-256 + SM3, checks, meta)    %9.1f   %9.1f%n", median(portPut), median(portGet));
                System.out.printf(
                        "  port / raw                            %8.0f%%   %8.0f%%%n",
                        100 * median(portPut) / median(rawPut), 100 * median(portGet) / median(rawGet));
                System.out.printf(
                        "  port / (raw + SHA-256 check)          %9s   %8.0f%%%n%n",
                        "-", 100 * median(portGet) / median(rawGetSha));
            }
        } finally {
            proxy.afterEach();
        }
        double[] fs = new double[rounds];
        double[] fsGet = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ObjectStore store = new FileSystemObjectStore(work.resolve("fs" + r));
            String[] keys = new String[n];
            fs[r] = run(
                    8,
                    n,
                    i -> keys[i] = store.put(new ByteArrayInputStream(pages.get(i)), "application/pdf")
                            .key());
            fsGet[r] = run(8, n, i -> drain(store, keys[i]));
        }
        System.out.printf(
                "embedded default (filesystem store, fsync per object), 8 writers: put %.1f pages/s, get %.1f pages/s (target: put >= 150)%n",
                median(fs), median(fsGet));
        deleteTree(work);
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /** Runs task(0..n-1) on {@code threads} threads; returns operations per second. */
    static double run(int threads, int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return n / seconds;
    }

    /** S3Proxy with its filesystem backend on 127.0.0.1, started. */
    static S3ProxyJunitCore s3proxy() throws Exception {
        S3ProxyJunitCore proxy = new S3ProxyJunitCore.Builder()
                .withBlobStoreProvider("filesystem-nio2")
                .withCredentials(ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.beforeEach();
        return proxy;
    }

    /** Reads an object to its end with the raw client. */
    static void drain(MinioClient client, String bucket, String key) throws Exception {
        try (InputStream in = client.getObject(
                GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Reads an object to its end through the port (which verifies it). */
    static void drain(ObjectStore store, String key) throws Exception {
        try (InputStream in = store.get(key)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Reads an object with the raw client, hashing the bytes as they come, and compares the SHA-256 with the page's. */
    static void drainChecked(MinioClient client, String bucket, String key, byte[] sha256) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = client.getObject(
                GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            byte[] buffer = new byte[8192];
            for (int k = in.read(buffer); k >= 0; k = in.read(buffer)) {
                digest.update(buffer, 0, k);
            }
        }
        if (!Arrays.equals(digest.digest(), sha256)) {
            throw new IllegalStateException(key + " came back changed");
        }
    }

    static byte[][] sha256Of(List<byte[]> pages) throws Exception {
        byte[][] digests = new byte[pages.size()][];
        for (int i = 0; i < digests.length; i++) {
            digests[i] = MessageDigest.getInstance("SHA-256").digest(pages.get(i));
        }
        return digests;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static List<byte[]> pages(int n) {
        Random random = new Random(42);
        List<byte[]> pages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[SIZE];
            random.nextBytes(b);
            pages.add(b);
        }
        return pages;
    }

    static void deleteTree(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
