package org.earchive.storage.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.earchive.storage.KeyRotation;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StorageFullException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.crypto.Keyring;
import org.earchive.storage.crypto.Sealer;
import org.earchive.storage.digest.FixityDigest;
import org.earchive.storage.digest.VerifyingInputStream;

/**
 * Objects as files: {@code <root>/objects/ab/cd/<sha256>} with a {@code .meta} properties file beside each (SM3,
 * size, content type, time stored). New bytes go to {@code <root>/tmp}, are fsync'd, and are moved into place
 * atomically; the description is written before the data becomes visible.
 *
 * <p>Retention and legal hold are recorded in the description, not enforced here: {@link
 * org.earchive.storage.ObjectStores} wraps this store in {@link org.earchive.storage.worm.WriteOnceObjectStore}.
 */
public final class FileSystemObjectStore implements ObjectStore, KeyRotation {
    private final Path root;

    private final Path objects;

    private final Path tmp;

    private final Sealer sealer;
    private final DurableWrites writes;

    public FileSystemObjectStore(Path root) throws StorageException {
        this(root, null);
    }

    /**
     * @param sealer encrypts new objects at rest when not null; objects stored before (plain) remain readable
     */
    public FileSystemObjectStore(Path root, Sealer sealer) throws StorageException {
        this.sealer = sealer;
        this.writes = new DurableWrites(sealer);
        this.root = root.toAbsolutePath().normalize();
        this.objects = this.root.resolve("objects");
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new StorageException("Cannot create the object store folder " + this.root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredObject put(InputStream content, String contentType) throws StorageException {
        Path temp = tmp.resolve(UUID.randomUUID() + ".part");
        try {
            DurableWrites.Written written = writes.writeDurably(content, temp);
            FixityDigest.Result digest = written.digest();
            String key = StoredObject.keyFor(digest.sha256Hex());
            Path data = dataPath(key);
            Optional<StoredObject> existing = stat(key);
            if (existing.isPresent() && Files.size(data) == digest.length()) {
                return existing.get().withCreated(false);
            }
            // New bytes, or a damaged copy (wrong length) that these bytes, which match the key, repair.
            StoredObject stored = new StoredObject(
                    key,
                    digest.length(),
                    digest.sha256Hex(),
                    digest.sm3Hex(),
                    contentType,
                    Instant.now(),
                    existing.isEmpty());
            Files.createDirectories(data.getParent());
            ObjectDescriptions.writeMeta(
                    stored,
                    existing.isPresent() ? protection(key) : Protection.NONE,
                    written.wrappedKey(),
                    metaPath(key));
            DurableWrites.moveIntoPlace(temp, data);
            DurableWrites.fsyncDirectory(data.getParent());
            return stored;
        } catch (IOException e) {
            throw StorageFullException.of("Could not store the object in " + root + ": " + e.getMessage(), e);
        } finally {
            DurableWrites.deleteQuietly(temp);
        }
    }

    @Override
    public InputStream get(String key) throws StorageException {
        String sha256 = StoredObject.sha256Of(key);
        Path data = dataPath(key);
        long expectedLength = stat(key).map(StoredObject::size).orElse(-1L);
        try {
            InputStream raw = Files.newInputStream(data);
            String wrappedKey = wrappedKey(key);
            if (wrappedKey != null) {
                if (sealer == null) {
                    raw.close();
                    throw new StorageException("Object " + key
                            + " is encrypted at rest but no master key is configured (EARCHIVE_MASTER_KEYS).");
                }
                raw = sealer.open(raw, wrappedKey, key);
            }
            return new VerifyingInputStream(raw, key, sha256, expectedLength);
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(key);
        } catch (IOException e) {
            throw new StorageException("Could not read object " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) throws StorageException {
        StoredObject.sha256Of(key);
        Path data = dataPath(key);
        if (!Files.exists(data)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ObjectDescriptions.readMeta(key, metaPath(key), data));
        } catch (IOException e) {
            throw new StorageException("Could not read the description of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws StorageException {
        StoredObject.sha256Of(key);
        try {
            Files.deleteIfExists(dataPath(key));
            Files.deleteIfExists(metaPath(key));
        } catch (IOException e) {
            throw new StorageException("Could not delete object " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void retain(String key, Instant until) throws StorageException {
        updateProtection(key, new Protection(Optional.of(until), protection(key).legalHold()));
    }

    @Override
    public void legalHold(String key, boolean on) throws StorageException {
        updateProtection(key, protection(key).withLegalHold(on));
    }

    @Override
    public Protection protection(String key) throws StorageException {
        StoredObject.sha256Of(key);
        try {
            return ObjectDescriptions.readProtection(metaPath(key));
        } catch (IOException | RuntimeException e) {
            throw new StorageException("Could not read the protection of " + key + ": " + e.getMessage(), e);
        }
    }

    private void updateProtection(String key, Protection protection) throws StorageException {
        StoredObject o = stat(key).orElseThrow(() -> new ObjectNotFoundException(key));
        try {
            ObjectDescriptions.writeMeta(o, protection, wrappedKey(key), metaPath(key));
        } catch (IOException e) {
            throw new StorageException("Could not record the protection of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public StoredObject repair(String key, InputStream content, String contentType) throws StorageException {
        String sha256 = StoredObject.sha256Of(key);
        Path temp = tmp.resolve(UUID.randomUUID() + ".repair");
        try {
            DurableWrites.Written written = writes.writeDurably(content, temp);
            FixityDigest.Result digest = written.digest();
            if (!digest.sha256Hex().equals(sha256)) {
                throw new StorageException(
                        "Refusing to repair " + key + " with bytes whose SHA-256 is " + digest.sha256Hex());
            }
            Path data = dataPath(key);
            Files.createDirectories(data.getParent());
            Protection protection = protection(key);
            StoredObject repaired =
                    new StoredObject(key, digest.length(), sha256, digest.sm3Hex(), contentType, Instant.now(), false);
            ObjectDescriptions.writeMeta(repaired, protection, written.wrappedKey(), metaPath(key));
            Files.move(temp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DurableWrites.fsyncDirectory(data.getParent());
            return repaired;
        } catch (IOException e) {
            throw new StorageException("Could not repair " + key + ": " + e.getMessage(), e);
        } finally {
            DurableWrites.deleteQuietly(temp);
        }
    }

    /** The object's wrapped data key, or null if it is stored in the clear. */
    private String wrappedKey(String key) throws StorageException {
        Path meta = metaPath(key);
        if (!Files.exists(meta)) {
            return null;
        }
        try {
            return ObjectDescriptions.loadProperties(meta).getProperty("dataKey");
        } catch (IOException e) {
            throw new StorageException("Could not read the description of " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Key rotation: re-wraps every data key that is not under the current master key. Only the descriptions change;
     * the objects' bytes are not rewritten. Returns how many were re-wrapped.
     */
    @Override
    public synchronized long rewrapKeys() throws StorageException {
        if (sealer == null) {
            return 0;
        }
        long rewrapped = 0;
        try (Stream<String> keys = keys()) {
            for (String key : (Iterable<String>) keys::iterator) {
                String wrapped = wrappedKey(key);
                if (wrapped == null || sealer.keyring().isCurrent(wrapped)) {
                    continue;
                }
                Path meta = metaPath(key);
                Properties p = ObjectDescriptions.loadProperties(meta);
                p.setProperty("dataKey", sealer.rewrap(wrapped));
                ObjectDescriptions.storeProperties(p, meta);
                rewrapped++;
            }
        } catch (IOException | Keyring.KeyUnavailableException e) {
            throw new StorageException("Key rotation stopped: " + e.getMessage(), e);
        }
        return rewrapped;
    }

    @Override
    public Stream<String> keys() throws StorageException {
        try {
            return Files.walk(objects)
                    .filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[0-9a-f]{64}"))
                    .map(StoredObject::keyFor);
        } catch (IOException e) {
            throw new StorageException("Could not list " + objects + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void ping() throws StorageException {
        if (!Files.isDirectory(objects) || !Files.isWritable(tmp)) {
            throw new StorageException("The object folder " + root + " is missing or not writable.");
        }
    }

    @Override
    public String describe() {
        return "filesystem:" + root;
    }

    private Path dataPath(String key) {
        String hex = StoredObject.sha256Of(key);
        return objects.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private Path metaPath(String key) {
        Path data = dataPath(key);
        return data.resolveSibling(data.getFileName() + ".meta");
    }
}
