package org.earchive.storage;

import java.nio.file.Path;
import org.earchive.storage.minio.MinioObjectStore;
import org.earchive.storage.minio.S3Settings;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The same 1 GiB round trip through the S3 implementation (multipart), against S3Proxy on disk, in 256 MiB. */
class LargeObjectS3Test {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder()
            .withBlobStoreProvider("filesystem-nio2")
            .withCredentials("bigAK", "bigSecretKey123")
            .build();

    @TempDir
    Path dir;

    @Test
    void aGigabyteThroughTheS3StoreInParts() throws Exception {
        LargeObjectFileSystemTest.roundTrip(new MinioObjectStore(new S3Settings(
                S3.getUri().toString(),
                "us-east-1",
                "big",
                S3.getAccessKey(),
                S3.getSecretKey(),
                dir.resolve("spool"))));
    }
}
