package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.dto.CleanupReport;
import org.earchive.archive.application.dto.FixityCoverage;
import org.earchive.archive.application.dto.FixityReport;
import org.earchive.archive.application.dto.FixitySlice;
import org.earchive.archive.application.dto.FixityState;
import org.earchive.archive.application.dto.OrphanSlice;

/** Walks the archive's objects, recomputes their digests and finds what is damaged, missing or orphaned. */
@Local
public interface FixityAuditService {
    FixityReport audit() throws EarchiveException;

    /** Verifies up to {@code objects} due objects now, on this node: one slice of the incremental check. */
    FixitySlice slice(int objects) throws EarchiveException;

    /** The incremental check's coverage of the current cycle. */
    FixityCoverage coverage();

    /** One object's last verification and next due date, empty if no live document has it. */
    Optional<FixityState> state(String objectKey);

    /** Makes these objects due now (after a repair or a disk replacement); returns how many the ledger holds. */
    int recheck(List<String> objectKeys) throws EarchiveException;

    /** Scans the next {@code keys} keys of the store for orphans, where the last slice stopped. */
    OrphanSlice orphanSlice(int keys) throws EarchiveException;

    /**
     * Removes the orphans the scans recorded (the incremental scan's and the full audit's), each checked again just
     * before (never one under retention or legal hold).
     */
    CleanupReport removeOrphans() throws EarchiveException;
}
