package org.earchive.archive.infrastructure.storage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.earchive.archive.infrastructure.config.EarchiveSettings;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStores;
import org.earchive.storage.StorageException;
import org.earchive.storage.crypto.Algorithm;
import org.earchive.storage.crypto.Keyring;
import org.earchive.storage.crypto.Sealer;
import org.earchive.storage.minio.S3Settings;

/**
 * The application's one object store: the filesystem store under {@code EARCHIVE_HOME/objects} by default, an S3
 * store when {@code EARCHIVE_S3_ENDPOINT} is set.
 */
@ApplicationScoped
public class ObjectStoreProducer {
    @Inject
    EarchiveSettings settings;

    private static final Logger LOG = Logger.getLogger(ObjectStoreProducer.class.getName());
    private volatile ObjectStore store;

    @Produces
    public ObjectStore objectStore() {
        ObjectStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    store = open(settings);
                    LOG.info(() -> "Object store: " + store.describe());
                }
                s = store;
            }
        }
        return s;
    }

    static ObjectStore open(EarchiveSettings settings) {
        try {
            Sealer sealer = sealer(settings);
            ObjectStore primary = settings.s3Endpoint().isPresent()
                    ? ObjectStores.s3(
                            new S3Settings(
                                    settings.s3Endpoint().get(),
                                    settings.s3Region(),
                                    settings.s3Bucket(),
                                    settings.s3AccessKey(),
                                    settings.s3SecretKey(),
                                    settings.spoolDirectory()),
                            sealer)
                    : ObjectStores.filesystem(settings.objectsRoot(), sealer);
            Optional<ObjectStore> replica = replica(settings, sealer);
            return replica.isPresent()
                    ? ObjectStores.replicated(primary, replica.get(), settings.spoolDirectory())
                    : primary;
        } catch (StorageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Sealer sealer(EarchiveSettings settings) {
        Optional<String> cipher = settings.encryption();
        if (cipher.isEmpty()) {
            return null;
        }
        String keys = settings.masterKeys()
                .orElseThrow(() -> new IllegalStateException(
                        "Encryption at rest is on (" + cipher.get() + ") but no master key is configured: set"
                                + " EARCHIVE_MASTER_KEYS (id:base64 of 32 random bytes) or a Payara password alias, or"
                                + " EARCHIVE_ENCRYPTION=off."));
        return new Sealer(Keyring.parse(keys), Algorithm.parse(cipher.get()));
    }

    private static Optional<ObjectStore> replica(EarchiveSettings settings, Sealer sealer) throws StorageException {
        if (settings.replicaPath().isPresent()) {
            return Optional.of(ObjectStores.filesystem(settings.replicaPath().get(), sealer));
        }
        if (settings.replicaS3Endpoint().isPresent()) {
            return Optional.of(ObjectStores.s3(
                    new S3Settings(
                            settings.replicaS3Endpoint().get(),
                            settings.s3Region(),
                            settings.replicaS3Bucket(),
                            settings.replicaS3AccessKey(),
                            settings.replicaS3SecretKey(),
                            settings.spoolDirectory().resolve("replica")),
                    sealer));
        }
        return Optional.empty();
    }

    @PreDestroy
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
