package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.time.LocalDate;
import java.util.List;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.TaskView;

/** Front office to back office: submission, assignment by the system, decisions, reassignment. */
@Local
public interface WorkflowService {
    /** Decisions a reviewer can take. */
    enum Decision {
        APPROVE,
        REJECT,
        SUPPLEMENT
    }

    /**
     * Sends a case to the back office; the system assigns it to the least-loaded present reviewer with the needed
     * skill (or leaves it waiting if there is none). {@code promisedSupplement} records a 容缺受理 promise.
     */
    CaseView submit(String caseNumber, LocalDate promisedSupplement, String clerk) throws EarchiveException;

    /** The caller's inbox, earliest deadline first. */
    List<TaskView> tasks(String reviewer);

    /** Decides a case assigned to the caller; an approval archives the case. */
    CaseView decide(String caseNumber, Decision decision, String comment, String reviewer) throws EarchiveException;

    /** An administrator moves an assigned case to another reviewer. */
    CaseView reassign(String caseNumber, String reviewer, String admin) throws EarchiveException;

    /** Gives waiting cases to reviewers who have become available; returns how many were assigned. */
    int assignWaiting();
}
