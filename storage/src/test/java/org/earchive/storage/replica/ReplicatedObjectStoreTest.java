package org.earchive.storage.replica;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStoreContract;
import org.earchive.storage.RetentionException;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.fs.FileSystemObjectStore;
import org.earchive.storage.worm.WriteOnceObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedObjectStoreTest extends ObjectStoreContract {
    @TempDir
    Path dir;

    private FileSystemObjectStore primary;
    private FileSystemObjectStore replica;
    private ReplicatedObjectStore store;

    @BeforeEach
    void open() throws Exception {
        primary = new FileSystemObjectStore(dir.resolve("primary"));
        replica = new FileSystemObjectStore(dir.resolve("replica"));
        store = new ReplicatedObjectStore(primary, replica, dir.resolve("spool"));
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    /** Damages both copies: the contract's tamper tests expect the read to fail. */
    @Override
    protected void tamper(String key, byte[] newBytes) throws Exception {
        Files.write(file(dir.resolve("primary"), key), newBytes);
        Files.write(file(dir.resolve("replica"), key), newBytes);
    }

    private static Path file(Path root, String key) {
        String hex = StoredObject.sha256Of(key);
        return root.resolve("objects")
                .resolve(hex.substring(0, 2))
                .resolve(hex.substring(2, 4))
                .resolve(hex);
    }

    private static byte[] page(long seed) {
        byte[] b = new byte[80_000];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void writesGoToBothStores() throws Exception {
        StoredObject o = store.put(new ByteArrayInputStream(page(1)), "application/pdf");
        store.retain(o.key(), Instant.now().plus(Duration.ofDays(1)));
        assertTrue(primary.stat(o.key()).isPresent());
        assertTrue(replica.stat(o.key()).isPresent());
        assertTrue(replica.protection(o.key()).blocksDeletion(Instant.now()), "the replica is retained too");
        assertThrows(
                RetentionException.class,
                () -> new WriteOnceObjectStore(replica).delete(o.key()),
                "and refuses deletion behind the write-once rules");
    }

    @Test
    void aDamagedPrimaryIsServedAndRepairedFromTheReplica() throws Exception {
        byte[] bytes = page(2);
        StoredObject o = store.put(new ByteArrayInputStream(bytes), "application/pdf");
        Files.write(file(dir.resolve("primary"), o.key()), page(3));
        assertThrows(StorageException.class, () -> primary.verify(o.key()));

        try (InputStream in = store.get(o.key())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        primary.verify(o.key());
    }

    /** {@code store} as it is, except that it does not answer reads (its gateway killed, as in the soak). */
    private static ObjectStore away(ObjectStore store) {
        return (ObjectStore) Proxy.newProxyInstance(
                ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        throw new StorageException("Connection refused: 127.0.0.1:7480");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void bothStoresAwayIsAnOutageToRetryNotADamagedObject() throws Exception {
        StoredObject o = store.put(new ByteArrayInputStream(page(8)), "application/pdf");
        ObjectStore down = new ReplicatedObjectStore(away(primary), away(replica), dir.resolve("spool"));
        StorageException e = assertThrows(StorageException.class, () -> down.get(o.key()));
        assertFalse(e instanceof ObjectNotFoundException, e.toString());
        assertTrue(e.getMessage().contains("UNAVAILABLE"), e.getMessage());
        ObjectStore halfDown = new ReplicatedObjectStore(away(primary), replica, dir.resolve("spool"));
        try (InputStream in = halfDown.get(o.key())) {
            assertArrayEquals(page(8), in.readAllBytes(), "the replica serves while the primary is away");
        }
    }

    @Test
    void aLostPrimaryCopyIsServedAndRestoredFromTheReplica() throws Exception {
        byte[] bytes = page(4);
        StoredObject o = store.put(new ByteArrayInputStream(bytes), "application/pdf");
        Files.delete(file(dir.resolve("primary"), o.key()));
        try (InputStream in = store.get(o.key())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        try (InputStream in = primary.get(o.key())) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void verifyReportsAndRepairsADamagedPrimary() throws Exception {
        StoredObject o = store.put(new ByteArrayInputStream(page(5)), "application/pdf");
        Files.write(file(dir.resolve("primary"), o.key()), page(6));
        assertThrows(ReplicatedObjectStore.RepairedException.class, () -> store.verify(o.key()));
        primary.verify(o.key());
    }
}
