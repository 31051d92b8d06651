package org.earchive.archive.application.internal;

import java.util.List;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.dto.TransferScope;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

/** The records of a transfer's scope, a page at a time (a period may hold millions: memory stays bounded). */
interface ScopeCursor {
    int PAGE = 200;

    /** The next page; empty when there is no more. */
    List<ArchiveRecord> next();

    static ScopeCursor of(TransferScope scope, ArchiveRepository archive, CaseRepository cases)
            throws EarchiveException {
        switch (scope.kind()) {
            case DOSSIER -> {
                BusinessCase c =
                        cases.find(scope.caseNumber()).orElseThrow(() -> Failures.caseNotFound(scope.caseNumber()));
                return once(archive.byCase(c.id()));
            }
            case PERSON -> {
                if (!CitizenId.isValid(scope.citizenId())) {
                    throw new EarchiveException(ErrorCode.INVALID_CITIZEN_ID, "身份证号码无效。The citizen ID is not valid.");
                }
                return once(archive.byCitizen(scope.citizenId()));
            }
            default -> {
                if (scope.from() == null || scope.to() == null || !scope.from().isBefore(scope.to())) {
                    throw new EarchiveException(
                            ErrorCode.INVALID_REQUEST,
                            "请给出起止时间（from 早于 to）。A period needs from and to, from before to.");
                }
                long[] after = {0};
                return () -> {
                    List<ArchiveRecord> page = archive.archivedBetween(scope.from(), scope.to(), after[0], PAGE);
                    if (!page.isEmpty()) {
                        after[0] = page.get(page.size() - 1).id();
                    }
                    return page;
                };
            }
        }
    }

    static ScopeCursor once(List<ArchiveRecord> records) {
        boolean[] done = {false};
        return () -> {
            if (done[0]) {
                return List.of();
            }
            done[0] = true;
            return records;
        };
    }
}
