package org.earchive.archive.infrastructure.storage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import org.earchive.archive.infrastructure.config.EarchiveSettings;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.ObjectStores;
import org.earchive.storage.StorageException;
import org.earchive.storage.minio.S3Settings;

/**
 * The application's one object store: the filesystem store under {@code EARCHIVE_HOME/objects} by default, an S3
 * store when {@code EARCHIVE_S3_ENDPOINT} is set.
 */
@ApplicationScoped
public class ObjectStoreProducer {
  private static final Logger LOG = Logger.getLogger(ObjectStoreProducer.class.getName());
  private volatile ObjectStore store;

  @Produces
  public ObjectStore objectStore() {
    ObjectStore s = store;
    if (s == null) {
      synchronized (this) {
        if (store == null) {
          store = open(EarchiveSettings.current());
          LOG.info(() -> "Object store: " + store.describe());
        }
        s = store;
      }
    }
    return s;
  }

  private static ObjectStore open(EarchiveSettings settings) {
    try {
      if (settings.s3Endpoint().isPresent()) {
        return ObjectStores.s3(
            new S3Settings(
                settings.s3Endpoint().get(),
                settings.s3Region(),
                settings.s3Bucket(),
                settings.s3AccessKey(),
                settings.s3SecretKey(),
                settings.spoolDirectory()));
      }
      return ObjectStores.filesystem(settings.objectsRoot());
    } catch (StorageException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    if (store != null) {
      store.close();
    }
  }
}
