package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.MaterialAnswer;
import org.earchive.archive.application.dto.RecordView;

/** The archive: records made from approved cases, read by number, by case (一事一档) and by person (一人一档). */
@Local
public interface ArchiveService {
    /** Archives an approved case: numbers its items, applies retention to its objects, closes the case. */
    List<RecordView> archive(String caseNumber) throws EarchiveException;

    /**
     * The system's own archiving of a case a reviewer approved, whoever's request completed it (the clerk whose upload
     * brought the last 容缺受理 material): the same steps as {@link #archive(String)}, recorded as the system's.
     */
    List<RecordView> archiveApproved(String caseNumber) throws EarchiveException;

    RecordView record(String archiveNumber) throws EarchiveException;

    List<RecordView> person(String citizenId) throws EarchiveException;

    /** Whether the person has a valid archived material of this type (for the agency's other systems). */
    MaterialAnswer material(String citizenId, String material) throws EarchiveException;

    List<RecordView> dossier(String caseNumber) throws EarchiveException;

    /** Places ({@code on}) or releases a legal hold: a held record is never listed for disposal. */
    RecordView hold(String archiveNumber, boolean on, String reason) throws EarchiveException;

    /** Marks a record restricted: its content is then read only under an approved, unexpired borrowing. */
    RecordView restrict(String archiveNumber, boolean on, String reason) throws EarchiveException;
}
