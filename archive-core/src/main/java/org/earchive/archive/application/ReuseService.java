package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.dto.RecordView;

/** 一次采集、多次复用: materials of the applicant already in the archive, offered and added to a new case. */
@Local
public interface ReuseService {
    /**
     * Archived materials of the case's applicant that the case's checklist asks for (the ID card copy, …): offered at
     * the counter instead of collecting the paper again. Destroyed and restricted records are not offered.
     */
    List<RecordView> reusable(String caseNumber) throws EarchiveException;

    /** Adds an archived record's file to the case as one of its materials; the reuse is recorded. Idempotent. */
    DocumentView reuse(String caseNumber, String archiveNumber) throws EarchiveException;
}
