package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

/** Short transactions that change a record's holds and restriction. */
@Stateless
public class RecordChanges {
    @Inject
    ArchiveRepository archive;

    public ArchiveRecord hold(String archiveNumber, boolean on, String reason) throws EarchiveException {
        ArchiveRecord r = locked(archiveNumber);
        if (on) {
            r.hold(reason.strip());
        } else {
            r.release();
        }
        return r;
    }

    public ArchiveRecord restrict(String archiveNumber, boolean on) throws EarchiveException {
        ArchiveRecord r = locked(archiveNumber);
        r.restrict(on);
        return r;
    }

    /** Whether a record other than {@code archiveNumber} with the same content is held. */
    public boolean anotherHolds(String objectKey, String archiveNumber) {
        return archive.anotherHolds(objectKey, archiveNumber);
    }

    ArchiveRecord locked(String archiveNumber) throws EarchiveException {
        return archive.findForUpdate(archiveNumber).orElseThrow(() -> Failures.recordNotFound(archiveNumber));
    }
}
