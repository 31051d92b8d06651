package org.earchive.archive.application;

import jakarta.ejb.Local;
import org.earchive.archive.application.dto.CaseListRequest;
import org.earchive.archive.application.dto.CasePage;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.OpenCaseCommand;
import org.earchive.archive.application.dto.Reminders;

/** Opening and reading cases at the front office. */
@Local
public interface CaseService {
    CaseView open(OpenCaseCommand command, String clerk) throws EarchiveException;

    CaseView find(String caseNumber) throws EarchiveException;

    /** The cases the caller may see that match the request, one page of them. */
    CasePage list(CaseListRequest request) throws EarchiveException;

    /** The counts behind the caller's badges (their open cases, sent back, overdue, promises due and overdue). */
    Reminders reminders();

    /** The applicant withdraws the application before a decision ({@code reason} required). */
    CaseView withdraw(String caseNumber, String reason, String actor) throws EarchiveException;

    /** Closes a rejected case: it will not be submitted again ({@code reason} required). */
    CaseView close(String caseNumber, String reason, String actor) throws EarchiveException;
}
