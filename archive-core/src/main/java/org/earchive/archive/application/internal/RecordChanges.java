package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.port.ClusterCoordination;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

/** Short transactions that change a record's holds and restriction. */
@Stateless
public class RecordChanges {
    @Inject
    ArchiveRepository archive;

    @Inject
    ClusterCoordination coordination;

    /** A hold placed or released: the record, and the store's failure to apply it (null when it did). */
    public record HoldChange(ArchiveRecord record, StorageException storeFailure) {}

    /**
     * Places or releases a record's hold and applies it to the stored object, which records of identical content
     * share: released there only when no other record holds it. The object's lock (a row, across nodes) is held from
     * that check to the commit, so a hold placed on another node meanwhile is never undone by this release. The record
     * changes even when the store fails (the caller reports it; trying again applies it).
     */
    public HoldChange hold(String archiveNumber, boolean on, String reason, ObjectStore store)
            throws EarchiveException {
        ArchiveRecord r = locked(archiveNumber);
        coordination.lockObject(r.objectKey());
        if (on) {
            r.hold(reason.strip());
        } else {
            r.release();
        }
        try {
            if (on || !archive.anotherHolds(r.objectKey(), archiveNumber)) {
                store.legalHold(r.objectKey(), on);
            }
            return new HoldChange(r, null);
        } catch (StorageException e) {
            return new HoldChange(r, e);
        }
    }

    public ArchiveRecord restrict(String archiveNumber, boolean on) throws EarchiveException {
        ArchiveRecord r = locked(archiveNumber);
        r.restrict(on);
        return r;
    }

    ArchiveRecord locked(String archiveNumber) throws EarchiveException {
        return archive.findForUpdate(archiveNumber).orElseThrow(() -> Failures.recordNotFound(archiveNumber));
    }
}
