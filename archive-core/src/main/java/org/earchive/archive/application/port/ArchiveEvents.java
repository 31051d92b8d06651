package org.earchive.archive.application.port;

import java.util.List;

/**
 * What happened to the archive, for other systems (statistics, monitoring, credit, the risk module) to follow without
 * polling. Events say what and which (case number, archive numbers), never a full citizen ID. Publishing never fails
 * the business step that caused it.
 */
public interface ArchiveEvents {
    void caseSubmitted(String caseNumber, String businessType);

    void recordsArchived(String caseNumber, String businessType, List<String> archiveNumbers);

    void recordDisposed(String caseNumber, String businessType, String archiveNumber);
}
