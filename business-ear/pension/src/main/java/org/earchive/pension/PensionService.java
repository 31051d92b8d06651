package org.earchive.pension;

import jakarta.ejb.Local;
import org.earchive.archive.application.EarchiveException;

/** Basic pension determination for PENSION and PENSION_BACKPAY cases, by the reviewer deciding the case. */
@Local
public interface PensionService {
    /** The material code of the computation sheet in the dossier. */
    String SHEET = "PENSION_SHEET";

    /**
     * Gathers the applicant's evidence from the archive (and the case's own materials), refuses with
     * {@code EVIDENCE_MISSING} naming each missing material, computes the monthly pension and files the computation
     * sheet (PDF/A) in the case's dossier.
     */
    PensionDetermination determine(String caseNumber, PensionRequest request) throws EarchiveException;
}
