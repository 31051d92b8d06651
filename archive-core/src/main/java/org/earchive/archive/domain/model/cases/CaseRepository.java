package org.earchive.archive.domain.model.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface CaseRepository {
    Optional<BusinessCase> find(String caseNumber);

    /** The case, locked until the end of the transaction: concurrent steps on one case wait for each other. */
    Optional<BusinessCase> findForUpdate(String caseNumber);

    /** Cases assigned to a reviewer and not yet decided, earliest deadline first. */
    List<BusinessCase> assignedTo(String reviewer);

    /** Open (assigned, undecided) cases per reviewer, for least-loaded assignment. */
    Map<String, Long> openLoad(Collection<String> reviewers);

    /** Submitted cases still waiting for a reviewer. */
    List<BusinessCase> waitingForReviewer(int limit);

    void record(CaseEvent event);

    /** Approved cases decided before {@code before} that are not archived yet (archiving to be finished). */
    List<String> approvedBefore(Instant before, int limit);

    List<CaseEvent> history(long caseId);

    /** The archived cases that concern an employer (its unified social credit code), newest first, at most {@code limit}. */
    List<BusinessCase> archivedOfEmployer(String creditCode, int limit);

    /** Approved cases still waiting for a promised material (容缺受理), oldest decision first. */
    List<String> awaitingMaterials(int limit);

    Optional<BusinessCase> findById(long id);

    /** The day's counter, locked until the end of the transaction; empty if the day has none yet. */
    Optional<CaseDayCounter> lockDay(String day);

    /** Creates the day's counter unless it exists; false if it did. */
    boolean createDayIfAbsent(String day);

    long count();

    /** Stores a new case and returns it with its id assigned (the row is written at the end of the transaction). */
    BusinessCase store(BusinessCase businessCase);
}
