package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.CleanupReport;
import org.earchive.archive.application.dto.FixityReport;

/** Walks the archive's objects, recomputes their digests and finds what is damaged, missing or orphaned. */
@Local
public interface FixityAuditService {
    FixityReport audit() throws EarchiveException;

    /** Removes orphan objects older than the grace period (never one under retention or legal hold). */
    CleanupReport removeOrphans() throws EarchiveException;
}
