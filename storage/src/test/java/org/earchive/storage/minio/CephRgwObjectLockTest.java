package org.earchive.storage.minio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.earchive.storage.RetentionException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.worm.WriteOnceObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object lock against a server that enforces it: Ceph RGW (single node, memstore OSD, loopback), started by
 * {@code ./earchive test} through {@code scripts/ceph-rgw/rgw.sh}. Its endpoint comes in {@code EARCHIVE_TEST_RGW};
 * without it the test is skipped, unless {@code EARCHIVE_TEST_RGW_REQUIRED=true} (as in CI), where it fails.
 */
class CephRgwObjectLockTest {
    @TempDir
    Path spool;

    private MinioObjectStore store;
    private WriteOnceObjectStore port;
    private String bucket;

    @BeforeEach
    void open() throws Exception {
        store = CephRgw.freshBucket("lock", spool);
        port = new WriteOnceObjectStore(store);
        bucket = store.bucket();
    }

    private static byte[] page(long seed) {
        byte[] b = new byte[30_000];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Tries to delete every version of the object with the raw client, as an attacker with the keys would. */
    private List<Exception> rawDeleteAllVersions(String key) throws Exception {
        List<Exception> refusals = new ArrayList<>();
        for (Result<Item> r : store.client()
                .listObjects(ListObjectsArgs.builder()
                        .bucket(bucket)
                        .prefix(key)
                        .includeVersions(true)
                        .build())) {
            Item item = r.get();
            try {
                store.client()
                        .removeObject(RemoveObjectArgs.builder()
                                .bucket(bucket)
                                .object(item.objectName())
                                .versionId(item.versionId())
                                .build());
            } catch (Exception e) {
                refusals.add(e);
            }
        }
        return refusals;
    }

    @Test
    void theBucketIsCreatedWithObjectLock() {
        assertTrue(store.enforcesObjectLock(), "RGW enforces object lock on the archive bucket");
    }

    @Test
    void aRetainedObjectSurvivesTheServerBeingAskedToDeleteIt() throws Exception {
        byte[] bytes = page(1);
        StoredObject o = store.put(new ByteArrayInputStream(bytes), "application/pdf");
        port.retain(o.key(), Instant.now().plus(Duration.ofDays(1)));

        assertThrows(RetentionException.class, () -> port.delete(o.key()), "the port refuses");
        List<Exception> refusals = rawDeleteAllVersions(o.key());
        assertEquals(1, refusals.size(), "the server refuses to delete the locked version (COMPLIANCE)");
        try (InputStream in = store.get(o.key())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertEquals(bytes.length, store.stat(o.key()).orElseThrow().size(), "described despite RGW's retention dates");
    }

    @Test
    void aLegalHoldIsEnforcedByTheServerUntilReleased() throws Exception {
        StoredObject o = store.put(new ByteArrayInputStream(page(2)), "application/pdf");
        port.legalHold(o.key(), true);
        assertThrows(RetentionException.class, () -> port.delete(o.key()));
        assertEquals(1, rawDeleteAllVersions(o.key()).size(), "the server refuses while the hold is on");

        port.legalHold(o.key(), false);
        port.delete(o.key());
        assertTrue(rawDeleteAllVersions(o.key()).isEmpty(), "released: the versions can go");
    }

    @Test
    void aRepairAddsALockedVersionAndKeepsTheOriginal() throws Exception {
        byte[] bytes = page(3);
        StoredObject o = store.put(new ByteArrayInputStream(bytes), "application/pdf");
        port.retain(o.key(), Instant.now().plus(Duration.ofDays(1)));
        port.repair(o.key(), new ByteArrayInputStream(bytes), "application/pdf");

        int versions = 0;
        for (Result<Item> r : store.client()
                .listObjects(ListObjectsArgs.builder()
                        .bucket(bucket)
                        .prefix(o.key())
                        .includeVersions(true)
                        .build())) {
            r.get();
            versions++;
        }
        assertEquals(2, versions, "versioning keeps both");
        assertEquals(2, rawDeleteAllVersions(o.key()).size(), "both versions are locked");
    }
}
