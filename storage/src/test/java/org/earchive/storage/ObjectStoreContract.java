package org.earchive.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.earchive.storage.digest.FixityDigest;
import org.earchive.storage.worm.WriteOnceObjectStore;
import org.junit.jupiter.api.Test;

/** What every implementation of the port must do; each implementation's test supplies a store. */
public abstract class ObjectStoreContract {

    protected abstract ObjectStore store();

    private ObjectStore backend;
    private ObjectStore port;

    /** The store as {@link ObjectStores} opens it: the backend behind the write-once rules. */
    protected final ObjectStore port() {
        ObjectStore s = store();
        if (s != backend) {
            backend = s;
            port = new WriteOnceObjectStore(s);
        }
        return port;
    }

    /** Replaces the stored bytes of {@code key} behind the store's back. */
    protected abstract void tamper(String key, byte[] newBytes) throws Exception;

    protected static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void storesAndReturnsTheSameBytesWithBothDigests() throws Exception {
        byte[] page = randomBytes(200 * 1024, 1);
        StoredObject stored = port().put(new ByteArrayInputStream(page), "application/pdf");

        FixityDigest.Result expected = FixityDigest.of(page);
        assertEquals("sha256/" + expected.sha256Hex(), stored.key());
        assertEquals(expected.sm3Hex(), stored.sm3());
        assertEquals(page.length, stored.size());
        assertTrue(stored.created());
        try (InputStream in = port().get(stored.key())) {
            assertArrayEquals(page, in.readAllBytes());
        }
        StoredObject described = port().stat(stored.key()).orElseThrow();
        assertEquals(expected.sm3Hex(), described.sm3());
        assertEquals(page.length, described.size());
    }

    @Test
    void sm3OfTheStandardExampleIsTheOnePublishedInGbt32905() {
        // GB/T 32905-2016 appendix A, example 1: "abc"
        assertEquals(
                "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                FixityDigest.of("abc".getBytes(StandardCharsets.US_ASCII)).sm3Hex());
    }

    @Test
    void theSameBytesTwiceAreStoredOnce() throws Exception {
        byte[] page = randomBytes(10_000, 2);
        StoredObject first = port().put(new ByteArrayInputStream(page), "image/png");
        StoredObject second = port().put(new ByteArrayInputStream(page), "image/png");
        assertEquals(first.key(), second.key());
        assertTrue(first.created());
        assertFalse(second.created());
    }

    @Test
    void aReadOfChangedBytesFailsWithAnIntegrityError() throws Exception {
        byte[] page = randomBytes(50_000, 3);
        StoredObject stored = port().put(new ByteArrayInputStream(page), "application/pdf");
        byte[] damaged = page.clone();
        damaged[20_000] ^= 0x01;
        tamper(stored.key(), damaged);

        IntegrityException e = assertThrows(IntegrityException.class, () -> {
            try (InputStream in = port().get(stored.key())) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        assertTrue(e.getMessage().contains(stored.key()), e.getMessage());
        assertThrows(StorageException.class, () -> port().verify(stored.key()));
    }

    @Test
    void aStreamThatBreaksHalfWayLeavesNoObject() throws Exception {
        byte[] page = randomBytes(100_000, 4);
        InputStream breaking = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos == 60_000) {
                    throw new IOException("connection reset by the scanner");
                }
                return page[pos++] & 0xff;
            }
        };
        assertThrows(StorageException.class, () -> port().put(breaking, "application/pdf"));
        String key = StoredObject.keyFor(FixityDigest.of(page).sha256Hex());
        assertTrue(port().stat(key).isEmpty());
    }

    @Test
    void aMissingObjectIsReportedAsSuch() throws Exception {
        String key = StoredObject.keyFor("0".repeat(64));
        assertTrue(port().stat(key).isEmpty());
        assertThrows(ObjectNotFoundException.class, () -> port().get(key));
    }

    @Test
    void anEmptyObjectIsAnObjectToo() throws Exception {
        StoredObject stored = port().put(new ByteArrayInputStream(new byte[0]), "text/plain");
        try (InputStream in = port().get(stored.key())) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void keysThatAreNotOursAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> port().get("../../etc/passwd"));
    }

    @Test
    void theStoreAnswersAPing() throws Exception {
        port().ping();
    }

    @Test
    void anObjectUnderRetentionCannotBeDeleted() throws Exception {
        StoredObject o = port().put(new ByteArrayInputStream(randomBytes(3000, 11)), "application/pdf");
        port().retain(o.key(), Instant.now().plus(Duration.ofDays(1)));
        RetentionException e = assertThrows(RetentionException.class, () -> port().delete(o.key()));
        assertTrue(e.getMessage().contains("retention"), e.getMessage());
        assertTrue(port().stat(o.key()).isPresent());
        assertTrue(port().protection(o.key()).blocksDeletion(Instant.now()));
    }

    @Test
    void retentionCanBeExtendedButNeverShortened() throws Exception {
        StoredObject o = port().put(new ByteArrayInputStream(randomBytes(3000, 12)), "application/pdf");
        Instant in2days = Instant.now().plus(Duration.ofDays(2));
        port().retain(o.key(), in2days);
        assertThrows(RetentionException.class, () -> port().retain(o.key(), in2days.minus(Duration.ofDays(1))));
        port().retain(o.key(), in2days.plus(Duration.ofDays(1)));
        assertEquals(
                in2days.plus(Duration.ofDays(1)),
                port().protection(o.key()).retainUntil().orElseThrow());
    }

    @Test
    void aLegalHoldBlocksDeletionUntilReleased() throws Exception {
        StoredObject o = port().put(new ByteArrayInputStream(randomBytes(3000, 13)), "application/pdf");
        port().legalHold(o.key(), true);
        assertThrows(RetentionException.class, () -> port().delete(o.key()));
        port().legalHold(o.key(), false);
        port().delete(o.key());
        assertTrue(port().stat(o.key()).isEmpty());
    }

    @Test
    void anUnprotectedObjectCanBeDeleted() throws Exception {
        StoredObject o = port().put(new ByteArrayInputStream(randomBytes(3000, 14)), "application/pdf");
        assertEquals(Protection.NONE, port().protection(o.key()));
        port().delete(o.key());
        assertTrue(port().stat(o.key()).isEmpty());
    }

    @Test
    void aDamagedCopyIsRepairedOnlyWithBytesThatMatchItsKey() throws Exception {
        byte[] page = randomBytes(40_000, 15);
        StoredObject o = port().put(new ByteArrayInputStream(page), "application/pdf");
        port().retain(o.key(), Instant.now().plus(Duration.ofDays(1)));
        tamper(o.key(), randomBytes(40_000, 16));
        assertThrows(StorageException.class, () -> port().verify(o.key()));

        assertThrows(
                StorageException.class,
                () -> port().repair(o.key(), new ByteArrayInputStream(randomBytes(40_000, 17)), "application/pdf"));
        port().repair(o.key(), new ByteArrayInputStream(page), "application/pdf");
        try (InputStream in = port().get(o.key())) {
            assertArrayEquals(page, in.readAllBytes());
        }
        assertTrue(port().protection(o.key()).blocksDeletion(Instant.now()), "repair keeps the retention");
    }

    @Test
    void keysListEveryContentObjectAndNothingElse() throws Exception {
        List<String> put = List.of(
                port().put(new ByteArrayInputStream(randomBytes(100, 21)), "application/pdf")
                        .key(),
                port().put(new ByteArrayInputStream(randomBytes(100, 22)), "application/pdf")
                        .key());
        port().legalHold(put.get(0), true);
        try (Stream<String> keys = port().keys()) {
            List<String> listed = keys.toList();
            assertTrue(listed.containsAll(put), listed.toString());
            assertTrue(listed.stream().allMatch(k -> k.matches("sha256/[0-9a-f]{64}")), listed.toString());
        }
    }

    @Test
    void keysAfterScanTheStoreInOrderedSlicesThatResumeWhereTheLastStopped() throws Exception {
        for (int i = 0; i < 5; i++) {
            port().put(new ByteArrayInputStream(randomBytes(100, 40 + i)), "application/pdf");
        }
        List<String> all;
        try (Stream<String> keys = port().keys()) {
            all = keys.sorted().toList();
        }
        List<String> scanned = new ArrayList<>();
        String after = "";
        for (List<String> slice = port().keysAfter(after, 2); !slice.isEmpty(); slice = port().keysAfter(after, 2)) {
            assertTrue(slice.size() <= 2, slice.toString());
            assertEquals(slice.stream().sorted().toList(), slice, "ascending within a slice");
            scanned.addAll(slice);
            after = slice.get(slice.size() - 1);
        }
        assertEquals(all, scanned, "every key once, in order, and nothing else");
    }

    @Test
    void protectionNeedsAnObjectThatExists() {
        String missing = StoredObject.keyFor("0".repeat(64));
        assertThrows(
                ObjectNotFoundException.class,
                () -> port().retain(missing, Instant.now().plusSeconds(60)));
        assertThrows(ObjectNotFoundException.class, () -> port().legalHold(missing, true));
    }

    @Test
    void aRepairKeepsALegalHold() throws Exception {
        byte[] page = randomBytes(5_000, 31);
        StoredObject o = port().put(new ByteArrayInputStream(page), "application/pdf");
        port().legalHold(o.key(), true);
        port().repair(o.key(), new ByteArrayInputStream(page), "application/pdf");
        assertTrue(port().protection(o.key()).legalHold(), "repair keeps the hold");
        assertThrows(RetentionException.class, () -> port().delete(o.key()));
    }
}
