package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.domain.model.borrowing.BorrowingRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

/**
 * Who may read an archived record's content: nobody once it is destroyed; for a restricted record, only a reader
 * with an approved, unexpired borrowing.
 */
@Stateless
public class RecordAccess {
    @Inject
    ArchiveRepository archive;

    @Inject
    BorrowingRepository borrowings;

    /** Throws unless {@code user} may read the content of document {@code documentId}. */
    public void checkContent(long documentId, String user) throws EarchiveException {
        Optional<ArchiveRecord> record = archive.byDocument(documentId);
        if (record.isEmpty()) {
            return;
        }
        ArchiveRecord r = record.get();
        if (r.disposed()) {
            throw new EarchiveException(
                    ErrorCode.RECORD_DISPOSED,
                    "档案 " + r.archiveNumber() + " 已于 " + r.disposedAt() + " 按销毁清册 " + r.disposalListId()
                            + " 销毁，仅保留目录信息。The content of " + r.archiveNumber() + " was destroyed under disposal list "
                            + r.disposalListId() + "; only its metadata is kept.");
        }
        if (r.restricted() && !borrowed(r.archiveNumber(), user)) {
            throw new EarchiveException(
                    ErrorCode.BORROWING_REQUIRED,
                    "档案 " + r.archiveNumber() + " 为控制使用档案，请先提交借阅申请并经档案管理员批准。" + r.archiveNumber()
                            + " is restricted: request a borrowing (POST /api/archive/borrowings) and wait for an archivist's approval.");
        }
    }

    public boolean borrowed(String archiveNumber, String user) {
        Instant now = Instant.now();
        return borrowings.approved(archiveNumber, user).stream().anyMatch(b -> b.activeAt(now));
    }

    /** Of {@code archiveNumbers}, those whose text {@code user} may not see (restricted, not borrowed, or destroyed). */
    public Set<String> hidden(Collection<String> archiveNumbers, String user) {
        if (archiveNumbers.isEmpty()) {
            return Set.of();
        }
        Set<String> hidden = new HashSet<>();
        archive.restrictedOrDisposed(archiveNumbers).forEach((number, disposed) -> {
            if (disposed || !borrowed(number, user)) {
                hidden.add(number);
            }
        });
        return hidden;
    }
}
