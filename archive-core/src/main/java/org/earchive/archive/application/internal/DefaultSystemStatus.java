package org.earchive.archive.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.earchive.archive.application.SystemStatus;
import org.earchive.archive.application.port.DatabaseStatus;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.storage.ObjectStore;

@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSystemStatus implements SystemStatus {
    @Inject
    DatabaseStatus database;

    /** Looked up per check, so that a store that cannot be opened (no master key, server down) says why in /health. */
    @Inject
    Instance<ObjectStore> store;

    @Inject
    SearchIndex index;

    @Override
    public String checkDatabase() throws Exception {
        return database.check();
    }

    @Override
    public String checkObjectStore() throws Exception {
        ObjectStore s = store.get();
        s.ping();
        return s.describe().replaceFirst("^filesystem:.*", "filesystem");
    }

    @Override
    public String checkSearchIndex() throws Exception {
        index.ping();
        return index.count() + " entries";
    }
}
