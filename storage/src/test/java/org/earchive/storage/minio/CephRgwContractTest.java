package org.earchive.storage.minio;

import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStoreContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The whole port contract once more, against Ceph RGW with object lock and versioning (see CephRgwObjectLockTest). */
class CephRgwContractTest extends ObjectStoreContract {
    @TempDir
    Path spool;

    private MinioObjectStore store;
    private String bucket;

    @BeforeEach
    void open() throws Exception {
        store = CephRgw.freshBucket("contract", spool);
        bucket = store.bucket();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void tamper(String key, byte[] newBytes) throws Exception {
        store.client()
                .putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                                new ByteArrayInputStream(newBytes), newBytes.length, -1)
                        .build());
    }
}
