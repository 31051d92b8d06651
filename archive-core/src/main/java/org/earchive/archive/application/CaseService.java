package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.OpenCaseCommand;

/** Opening and reading cases at the front office. */
@Local
public interface CaseService {
    CaseView open(OpenCaseCommand command, String clerk) throws EarchiveException;

    CaseView find(String caseNumber) throws EarchiveException;
}
