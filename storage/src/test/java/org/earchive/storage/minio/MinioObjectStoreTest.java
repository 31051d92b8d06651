package org.earchive.storage.minio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStoreContract;
import org.earchive.storage.StoredObject;
import org.earchive.storage.digest.FixityDigest;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Against a real S3 server on loopback (S3Proxy in-process): SigV4 signatures, checksums and multipart are real. */
class MinioObjectStoreTest extends ObjectStoreContract {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient-nio2")
            .withCredentials("earchiveAK", "earchiveSecretKey123")
            .build();

    @TempDir
    Path spool;

    private MinioObjectStore store;

    @BeforeEach
    void open() throws Exception {
        store = new MinioObjectStore(new S3Settings(
                S3.getUri().toString(), "us-east-1", "archive", S3.getAccessKey(), S3.getSecretKey(), spool));
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void tamper(String key, byte[] newBytes) throws Exception {
        store.client()
                .putObject(PutObjectArgs.builder().bucket("archive").object(key).stream(
                                new ByteArrayInputStream(newBytes), newBytes.length, -1)
                        .build());
    }

    @Test
    void largeObjectsGoUpInPartsAndComeBackVerified() throws Exception {
        int size = (int) (MinioObjectStore.PART_SIZE * 2 + 12345);
        byte[] big = randomBytes(size, 7);
        StoredObject stored = store.put(new ByteArrayInputStream(big), "application/octet-stream");
        assertEquals(size, stored.size());
        try (InputStream in = store.get(stored.key())) {
            assertEquals(size, in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void theServerRejectsBytesThatDoNotMatchTheirChecksum() throws Exception {
        byte[] page = randomBytes(2048, 8);
        String wrong = FixityDigest.of(randomBytes(2048, 99)).sha256Base64();
        Exception e = Assertions.assertThrows(
                Exception.class,
                () -> store.client()
                        .putObject(PutObjectArgs.builder().bucket("archive").object("probe").stream(
                                        new ByteArrayInputStream(page), page.length, -1)
                                .headers(Map.of("x-amz-checksum-sha256", wrong))
                                .build()));
        assertTrue(e.getMessage() != null);
        boolean listed = false;
        for (Result<Item> r : store.client()
                .listObjects(ListObjectsArgs.builder().bucket("archive").build())) {
            listed |= r.get().objectName().equals("probe");
        }
        assertTrue(!listed, "a rejected upload must not be listed");
    }
}
