package org.earchive.storage.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStoreContract;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.crypto.Algorithm;
import org.earchive.storage.crypto.Keyring;
import org.earchive.storage.crypto.Sealer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The port contract with encryption at rest on, plus what encryption itself promises. */
class EncryptedFileSystemObjectStoreTest extends ObjectStoreContract {
    static final String K1 = Keyring.generate("k1");
    static final String K2 = Keyring.generate("k2");
    private static final byte[] SECRET = "公民身份号码 11010519491231002X 王芳 养老金核定 — this text must never be readable on disk"
            .repeat(50)
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private FileSystemObjectStore store;

    @BeforeEach
    void open() throws Exception {
        store = new FileSystemObjectStore(root, new Sealer(Keyring.parse(K1), Algorithm.AES_256_GCM));
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void tamper(String key, byte[] newBytes) throws Exception {
        Files.write(data(key), newBytes);
    }

    private Path data(String key) {
        String hex = StoredObject.sha256Of(key);
        return root.resolve("objects")
                .resolve(hex.substring(0, 2))
                .resolve(hex.substring(2, 4))
                .resolve(hex);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aCopiedDiskRevealsNothing(Algorithm algorithm) throws Exception {
        FileSystemObjectStore s =
                new FileSystemObjectStore(root.resolve(algorithm.name()), new Sealer(Keyring.parse(K1), algorithm));
        StoredObject o = s.put(new ByteArrayInputStream(SECRET), "text/plain");
        try (var files = Files.walk(root.resolve(algorithm.name()))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(f);
                assertFalse(contains(bytes, "11010519491231002X".getBytes(StandardCharsets.UTF_8)), f.toString());
                assertFalse(
                        contains(bytes, K1.substring(3).getBytes(StandardCharsets.US_ASCII)), "no master key on disk");
            }
        }
        try (InputStream in = s.get(o.key())) {
            assertArrayEquals(SECRET, in.readAllBytes());
        }
        assertEquals(SECRET.length, s.stat(o.key()).orElseThrow().size(), "sizes and digests are of the plaintext");
    }

    @Test
    void rotationRewrapsDataKeysWithoutRewritingObjects() throws Exception {
        byte[] big = new byte[700_000];
        new Random(5).nextBytes(big);
        StoredObject a = store.put(new ByteArrayInputStream(SECRET), "text/plain");
        StoredObject b = store.put(new ByteArrayInputStream(big), "application/pdf");
        byte[] rawBefore = Files.readAllBytes(data(b.key()));

        FileSystemObjectStore rotated =
                new FileSystemObjectStore(root, new Sealer(Keyring.parse(K2 + "," + K1), Algorithm.AES_256_GCM));
        assertEquals(2, rotated.rewrapKeys());
        assertEquals(0, rotated.rewrapKeys(), "nothing left under the old key");
        assertArrayEquals(rawBefore, Files.readAllBytes(data(b.key())), "the object's bytes were not rewritten");

        FileSystemObjectStore oldKeyGone =
                new FileSystemObjectStore(root, new Sealer(Keyring.parse(K2), Algorithm.AES_256_GCM));
        try (InputStream in = oldKeyGone.get(a.key())) {
            assertArrayEquals(SECRET, in.readAllBytes());
        }
        try (InputStream in = oldKeyGone.get(b.key())) {
            assertArrayEquals(big, in.readAllBytes());
        }
    }

    @Test
    void withoutTheMasterKeyNothingOpens() throws Exception {
        StoredObject o = store.put(new ByteArrayInputStream(SECRET), "text/plain");
        FileSystemObjectStore wrongKey = new FileSystemObjectStore(
                root, new Sealer(Keyring.parse(Keyring.generate("k1")), Algorithm.AES_256_GCM));
        assertThrows(Exception.class, () -> wrongKey.get(o.key()).readAllBytes());
        FileSystemObjectStore noKey = new FileSystemObjectStore(root);
        StorageException e = assertThrows(StorageException.class, () -> noKey.get(o.key()));
        assertTrue(e.getMessage().contains("EARCHIVE_MASTER_KEYS"), e.getMessage());
    }

    @Test
    void aSegmentCutOffTheEndIsDetected() throws Exception {
        byte[] big = new byte[600_000];
        new Random(6).nextBytes(big);
        StoredObject o = store.put(new ByteArrayInputStream(big), "application/pdf");
        byte[] raw = Files.readAllBytes(data(o.key()));
        // Drop the last segment: what remains is a sequence of valid segments, but none is marked last.
        Files.write(data(o.key()), Arrays.copyOf(raw, 17 + 2 * (256 * 1024 + 16)));
        assertThrows(IOException.class, () -> store.get(o.key()).readAllBytes());
    }
}
