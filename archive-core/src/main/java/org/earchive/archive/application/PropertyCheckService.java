package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.PropertyCheckView;

/** The four-property check (DA/T 70) over a case's dossier, on demand, and the stored reports. */
@Local
public interface PropertyCheckService {
    /** Runs the four-property check (DA/T 70) over the dossier of a case now, and stores the report with it. */
    PropertyCheckView checkDossier(String caseNumber) throws EarchiveException;

    /** The stored four-property reports of a record's dossier, newest first. */
    List<PropertyCheckView> checks(String archiveNumber) throws EarchiveException;

    /** The stored four-property reports of a case's dossier, newest first. */
    List<PropertyCheckView> dossierChecks(String caseNumber) throws EarchiveException;

    PropertyCheckView checkReport(long id) throws EarchiveException;
}
