package org.earchive.archive.application.internal;

import org.earchive.archive.application.dto.RecordView;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.record.ArchiveRecord;

/** An archive record as the application shows it; the citizen ID masked unless the caller may see it whole. */
final class RecordViews {
    private RecordViews() {}

    static RecordView of(ArchiveRecord r, String caseNumber, boolean fullId) {
        return new RecordView(
                r.archiveNumber(),
                caseNumber,
                fullId ? r.citizenId() : CitizenId.mask(r.citizenId()),
                r.businessType(),
                r.materialCode(),
                r.title(),
                r.retention().name(),
                r.retainUntil(),
                r.legalHold(),
                r.documentId(),
                r.sizeBytes(),
                r.sha256(),
                r.sm3(),
                r.archivedAt(),
                r.restricted(),
                r.holdReason(),
                r.disposedAt(),
                r.sourceOffice(),
                r.sourceArchiveNumber());
    }
}
