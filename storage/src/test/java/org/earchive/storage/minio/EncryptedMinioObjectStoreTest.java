package org.earchive.storage.minio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStoreContract;
import org.earchive.storage.StoredObject;
import org.earchive.storage.crypto.Algorithm;
import org.earchive.storage.crypto.Keyring;
import org.earchive.storage.crypto.Sealer;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The port contract through the S3 implementation with client-side encryption (SM4-GCM), against S3Proxy. */
class EncryptedMinioObjectStoreTest extends ObjectStoreContract {
    static final String K1 = Keyring.generate("k1");
    static final String K2 = Keyring.generate("k2");

    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient-nio2")
            .withCredentials("encAK", "encSecretKey123")
            .build();

    @TempDir
    Path spool;

    private MinioObjectStore store;

    @BeforeEach
    void open() throws Exception {
        store = open(K1);
    }

    private MinioObjectStore open(String keys) throws Exception {
        return new MinioObjectStore(
                new S3Settings(
                        S3.getUri().toString(), "us-east-1", "sealed", S3.getAccessKey(), S3.getSecretKey(), spool),
                new Sealer(Keyring.parse(keys), Algorithm.SM4_GCM));
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void tamper(String key, byte[] newBytes) throws Exception {
        // Keep the object's description (sealed, sizes), change its bytes.
        var stat = store.client()
                .statObject(
                        StatObjectArgs.builder().bucket("sealed").object(key).build());
        store.client()
                .putObject(PutObjectArgs.builder().bucket("sealed").object(key).stream(
                                new ByteArrayInputStream(newBytes), newBytes.length, -1)
                        .userMetadata(stat.userMetadata())
                        .build());
    }

    @Test
    void theBucketHoldsOnlyCiphertextAndRotationRewritesOnlyTheKeys() throws Exception {
        byte[] secret = "11010519491231002X 王芳 死亡证明".repeat(100).getBytes(StandardCharsets.UTF_8);
        StoredObject o = store.put(new ByteArrayInputStream(secret), "text/plain");
        byte[] raw;
        try (InputStream in = store.client()
                .getObject(
                        GetObjectArgs.builder().bucket("sealed").object(o.key()).build())) {
            raw = in.readAllBytes();
        }
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("11010519491231002X"));

        MinioObjectStore rotated = open(K2 + "," + K1);
        assertEquals(1, rotated.rewrapKeys());
        byte[] rawAfter;
        try (InputStream in = store.client()
                .getObject(
                        GetObjectArgs.builder().bucket("sealed").object(o.key()).build())) {
            rawAfter = in.readAllBytes();
        }
        assertArrayEquals(raw, rawAfter, "the object itself was not rewritten");
        try (InputStream in = open(K2).get(o.key())) {
            assertArrayEquals(secret, in.readAllBytes());
        }
    }

    @Test
    void concurrentUploadsOfTheSameBytesLeaveOneReadableObject() throws Exception {
        byte[] page = "同一份死亡证明".repeat(2000).getBytes(StandardCharsets.UTF_8);
        var pool = Executors.newFixedThreadPool(8);
        var results = new ArrayList<Future<StoredObject>>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> store.put(new ByteArrayInputStream(page), "application/pdf")));
        }
        long created = 0;
        for (var f : results) {
            created += f.get().created() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, created, "exactly one upload stored the bytes");
        try (InputStream in = store.get(results.get(0).get().key())) {
            assertArrayEquals(page, in.readAllBytes(), "and its data key opens it");
        }
    }
}
