package org.earchive.archive.application.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

/** A record's write-once protection in the object store: retained to the end of its last day, held if it is held. */
final class RecordRetention {
    /** The last day of a permanent record's retention, as far as the store is concerned. */
    static final LocalDate PERMANENT_UNTIL = LocalDate.of(2999, 12, 31);

    private RecordRetention() {}

    /** The record's last day of retention (permanent records: {@link #PERMANENT_UNTIL}). */
    static LocalDate lastDay(ArchiveRecord r) {
        return r.retainUntil() == null ? PERMANENT_UNTIL : r.retainUntil();
    }

    /** Puts the record's object under retention to the end of its last day, and under legal hold if the record is. */
    static void apply(ObjectStore store, ArchiveRecord r) throws StorageException {
        store.retain(
                r.objectKey(),
                lastDay(r).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (r.legalHold()) {
            store.legalHold(r.objectKey(), true);
        }
    }

    /** Whether a retention date set in the store covers the record's whole term. */
    static boolean covers(Instant retainedUntil, ArchiveRecord r) {
        return !retainedUntil.isBefore(lastDay(r).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
