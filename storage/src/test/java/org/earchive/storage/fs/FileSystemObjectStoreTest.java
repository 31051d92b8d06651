package org.earchive.storage.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStoreContract;
import org.earchive.storage.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemObjectStoreTest extends ObjectStoreContract {
    @TempDir
    Path root;

    private FileSystemObjectStore store;

    @BeforeEach
    void open() throws Exception {
        store = new FileSystemObjectStore(root);
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void tamper(String key, byte[] newBytes) throws Exception {
        String hex = StoredObject.sha256Of(key);
        Files.write(
                root.resolve("objects")
                        .resolve(hex.substring(0, 2))
                        .resolve(hex.substring(2, 4))
                        .resolve(hex),
                newBytes);
    }

    @Test
    void objectsSurviveReopeningTheStore() throws Exception {
        byte[] page = randomBytes(4096, 9);
        StoredObject stored = store.put(new ByteArrayInputStream(page), "image/tiff");
        FileSystemObjectStore reopened = new FileSystemObjectStore(root);
        try (InputStream in = reopened.get(stored.key())) {
            assertArrayEquals(page, in.readAllBytes());
        }
        assertEquals(stored.sm3(), reopened.stat(stored.key()).orElseThrow().sm3());
        try (Stream<String> keys = reopened.keys()) {
            assertEquals(1, keys.count());
        }
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws Exception {
        store.put(new ByteArrayInputStream(randomBytes(1000, 5)), "image/png");
        store.put(new ByteArrayInputStream(randomBytes(1000, 5)), "image/png");
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }
    }
}
