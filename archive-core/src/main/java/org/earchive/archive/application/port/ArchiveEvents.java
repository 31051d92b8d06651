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

    /**
     * Any other event of the catalogue (AsyncAPI document {@code /asyncapi.json}): its type, the case it concerns (or
     * none), and its details as JSON text.
     */
    void publish(String type, String caseNumber, String businessType, List<String> archiveNumbers, String details);
}
