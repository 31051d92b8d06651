package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.EmployerCaseView;

/** The archive as social-insurance credit (社保征信) reads it: an employer's archived cases, every read audited. */
@Local
public interface EmployerService {
    /** The archived cases concerning the employer with this unified social credit code (GB 32100, checked). */
    List<EmployerCaseView> archivedCases(String creditCode) throws EarchiveException;
}
