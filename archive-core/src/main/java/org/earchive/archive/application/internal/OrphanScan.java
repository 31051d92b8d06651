package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.dto.OrphanSlice;
import org.earchive.archive.application.port.OrphanLedger;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * The orphan scan in slices: the next keys of the store in its order, after where the last slice stopped; those no
 * live document refers to and older than the grace period (an upload may still be recording its row) are recorded as
 * orphans. A pass ends when the listing does; the next starts from the first key.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrphanScan {
    @EJB
    FixityClaims ledger;

    @EJB
    ObjectReferences references;

    @Inject
    ObjectStore store;

    /** Scans the next {@code keys} keys of the store (fewer found than asked: the pass ended). */
    public OrphanSlice slice(int keys) throws EarchiveException {
        OrphanLedger.Scan scan = ledger.orphanScan();
        Instant graceLine = Instant.now().minus(DefaultFixityAuditService.ORPHAN_GRACE);
        try {
            List<String> listed = store.keysAfter(scan.afterKey(), keys);
            Set<String> referenced = references.referenced(listed);
            List<OrphanLedger.Orphan> found = new ArrayList<>();
            for (String key : listed) {
                if (!referenced.contains(key)) {
                    StoredObject o = store.stat(key).orElse(null);
                    if (o != null && o.storedAt().isBefore(graceLine)) {
                        found.add(new OrphanLedger.Orphan(key, o.storedAt()));
                    }
                }
            }
            boolean ended = listed.size() < keys;
            String after = listed.isEmpty() ? scan.afterKey() : listed.get(listed.size() - 1);
            ledger.orphanSlice(found, referenced, after, listed.size(), ended);
            return new OrphanSlice(listed.size(), found.size(), ended);
        } catch (StorageException e) {
            throw Failures.storeUnavailable(e);
        }
    }
}
