package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.WorkflowService.Decision;
import org.earchive.archive.domain.model.account.Role;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseEvent;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.cases.WorkflowException;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.outbox.OutboxMessage;

/**
 * The workflow's state changes, each in one short transaction with the case row locked: two concurrent steps on one
 * case wait for each other, and the second sees the first's result. Assignment locks the candidate reviewers' rows,
 * so concurrent submissions count each other's assignments.
 */
@Stateless
public class CaseTransitions {
    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    DocumentRepository documents;

    @Inject
    UserAccountRepository accounts;

    @EJB
    AuditTrail audit;

    @EJB
    Outbox outbox;

    @Inject
    CaptureGate captureGate;

    public BusinessCase submit(String caseNumber, LocalDate promised, String clerk) throws EarchiveException {
        BusinessCase c = locked(caseNumber);
        captureGate.check(c);
        BusinessType type = catalogue.find(c.businessType()).orElseThrow();
        Set<String> missing = missing(c, type);
        CaseStatus from = c.status();
        Instant now = Instant.now();
        step(() -> c.submit(type, missing, promised, now));
        cases.record(new CaseEvent(
                c.id(),
                now,
                clerk,
                from,
                c.status(),
                missing.isEmpty() ? null : "容缺受理：缺 " + missing + "，承诺 " + promised + " 补交"));
        audit.record(
                clerk,
                AuditAction.CASE_SUBMITTED,
                c.caseNumber(),
                missing.isEmpty() ? "complete" : "missing " + missing);
        assign(c, type, now);
        outbox.caseSubmitted(caseNumber, c.businessType());
        return c;
    }

    /** Gives the case to the least-loaded present reviewer with the skill; leaves it waiting if there is none. */
    private void assign(BusinessCase c, BusinessType type, Instant now) {
        Set<String> preparers = preparers(c);
        List<UserAccount> candidates = accounts.lockAvailableReviewers(type.reviewerSkill()).stream()
                .filter(u -> !preparers.contains(u.username()))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, Long> load =
                cases.openLoad(candidates.stream().map(UserAccount::username).toList());
        UserAccount chosen = candidates.stream()
                .min(Comparator.<UserAccount>comparingLong(u -> load.getOrDefault(u.username(), 0L))
                        .thenComparing(UserAccount::username))
                .orElseThrow();
        c.assign(chosen.username(), now);
        cases.record(new CaseEvent(
                c.id(), now, "system", CaseStatus.SUBMITTED, CaseStatus.ASSIGNED, "分配给 " + chosen.username()));
        audit.record("system", AuditAction.CASE_ASSIGNED, c.caseNumber(), "to " + chosen.username());
    }

    public BusinessCase decide(String caseNumber, Decision decision, String comment, String reviewer)
            throws EarchiveException {
        BusinessCase c = locked(caseNumber);
        fourEyes(c, reviewer);
        CaseStatus from = c.status();
        Instant now = Instant.now();
        // 容缺受理: approved with a promised material still to come, the case waits for it instead of failing archiving
        boolean outstanding = c.promiseOpen()
                && !missing(c, catalogue.find(c.businessType()).orElseThrow()).isEmpty();
        step(() -> {
            switch (decision) {
                case APPROVE -> c.approve(reviewer, comment, now, outstanding);
                case REJECT -> c.reject(reviewer, comment, now);
                case SUPPLEMENT -> c.requestSupplement(reviewer, comment, now);
            }
        });
        cases.record(new CaseEvent(c.id(), now, reviewer, from, c.status(), comment));
        audit.record(reviewer, AuditAction.CASE_DECIDED, c.caseNumber(), decision + ": " + comment);
        outbox.event(
                OutboxMessage.Kind.CASE_DECIDED,
                caseNumber,
                c.businessType(),
                Json.createObjectBuilder()
                        .add("decision", decision.name())
                        .add("status", c.status().name())
                        .add("decidedBy", reviewer)
                        .add("decidedAt", now.toString())
                        .build());
        return c;
    }

    public BusinessCase reassign(String caseNumber, String reviewer, String admin) throws EarchiveException {
        BusinessCase c = locked(caseNumber);
        Optional<UserAccount> target = accounts.find(reviewer);
        if (target.isEmpty() || !target.get().roles().contains(Role.reviewer)) {
            throw new EarchiveException(
                    ErrorCode.UNKNOWN_REVIEWER, "没有审核员 " + reviewer + "。There is no reviewer " + reviewer + ".");
        }
        fourEyes(c, reviewer);
        String previous = c.assignedTo();
        step(() -> c.reassign(reviewer, Instant.now()));
        cases.record(new CaseEvent(
                c.id(), Instant.now(), admin, c.status(), c.status(), "由 " + previous + " 改派给 " + reviewer));
        audit.record(
                admin, AuditAction.CASE_ASSIGNED, c.caseNumber(), "reassigned from " + previous + " to " + reviewer);
        return c;
    }

    /** Assigns one waiting case if a reviewer is available now; false if it stays waiting. */
    public boolean assignWaiting(String caseNumber) throws EarchiveException {
        BusinessCase c = locked(caseNumber);
        if (c.status() != CaseStatus.SUBMITTED) {
            return false;
        }
        assign(c, catalogue.find(c.businessType()).orElseThrow(), Instant.now());
        return c.status() == CaseStatus.ASSIGNED;
    }

    public List<String> waiting(int limit) {
        return cases.waitingForReviewer(limit).stream()
                .map(BusinessCase::caseNumber)
                .toList();
    }

    /**
     * Everyone who prepared the case for its decision: the clerk who accepted it, whoever submitted it, and whoever
     * uploaded its materials before its last submission (work sheets the reviewer adds while deciding do not count).
     */
    Set<String> preparers(BusinessCase c) {
        Set<String> preparers = new HashSet<>();
        preparers.add(c.acceptedBy());
        Instant submitted = null;
        for (CaseEvent e : cases.history(c.id())) {
            if (e.toStatus() == CaseStatus.SUBMITTED) {
                preparers.add(e.actor());
                submitted = e.occurredAt();
            }
        }
        for (CaseDocument d : documents.findByCase(c.id())) {
            if (submitted == null || !d.uploadedAt().isAfter(submitted)) {
                preparers.add(d.uploadedBy());
            }
        }
        return preparers;
    }

    /** Four eyes: no one decides a case they prepared, whether the system or an administrator assigned it. */
    private void fourEyes(BusinessCase c, String reviewer) throws EarchiveException {
        if (preparers(c).contains(reviewer)) {
            throw new EarchiveException(
                    ErrorCode.FOUR_EYES,
                    "受理、上传材料或提交案件 " + c.caseNumber() + " 的人员不能审核该案件（前后台分离）。Whoever accepted, uploaded to or"
                            + " submitted case " + c.caseNumber() + " may not decide it.");
        }
    }

    /** The case's required materials that no document provides yet. */
    private Set<String> missing(BusinessCase c, BusinessType type) {
        return missing(documents, c, type);
    }

    /** The case's required materials that no document provides yet (shared with {@link CaseEndings}). */
    static Set<String> missing(DocumentRepository documents, BusinessCase c, BusinessType type) {
        return type.missingRequired(documents.findByCase(c.id()).stream()
                .map(CaseDocument::materialCode)
                .collect(Collectors.toSet()));
    }

    BusinessCase locked(String caseNumber) throws EarchiveException {
        return cases.findForUpdate(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
    }

    /** Runs a state change of the aggregate and turns its refusal into the stable error code of the same name. */
    static void step(Runnable change) throws EarchiveException {
        try {
            change.run();
        } catch (WorkflowException e) {
            throw new EarchiveException(ErrorCode.valueOf(e.reason().name()), e.getMessage());
        }
    }
}
