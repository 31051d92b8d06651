package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Instant;
import java.util.function.Consumer;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseEvent;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.outbox.OutboxMessage;

/**
 * The ways a case ends other than by its archive record, and the end of a 容缺受理 promise; each in one short
 * transaction with the case row locked, as in {@link CaseTransitions}.
 */
@Stateless
public class CaseEndings {
    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    DocumentRepository documents;

    @Inject
    CaptureGate captureGate;

    @EJB
    AuditTrail audit;

    @EJB
    Outbox outbox;

    /** Other systems hear that the case ended and how (the reason, the applicant's words, stays here). */
    private void announce(BusinessCase c, CaseStatus from, Instant now) {
        outbox.event(
                OutboxMessage.Kind.CASE_ENDED,
                c.caseNumber(),
                c.businessType(),
                Json.createObjectBuilder()
                        .add("status", c.status().name())
                        .add("from", from.name())
                        .add("endedAt", now.toString())
                        .build());
    }

    /** The applicant withdraws before a decision; the case keeps its history and materials. */
    public BusinessCase withdraw(String caseNumber, String reason, String actor) throws EarchiveException {
        return end(
                caseNumber, actor, c -> c.withdraw(actor, reason, Instant.now()), AuditAction.CASE_WITHDRAWN, "申请人撤回：");
    }

    /** A rejected case is closed: it will not be submitted again. */
    public BusinessCase close(String caseNumber, String reason, String actor) throws EarchiveException {
        return end(caseNumber, actor, c -> c.close(actor, reason, Instant.now()), AuditAction.CASE_CLOSED, "办结（不予批准）：");
    }

    private BusinessCase end(
            String caseNumber, String actor, Consumer<BusinessCase> step, AuditAction action, String label)
            throws EarchiveException {
        BusinessCase c = locked(caseNumber);
        CaseStatus from = c.status();
        CaseTransitions.step(() -> step.accept(c));
        String reason = c.closure().orElseThrow().comment();
        Instant at = c.closure().orElseThrow().at();
        cases.record(new CaseEvent(c.id(), at, actor, from, c.status(), label + reason));
        audit.record(actor, action, c.caseNumber(), "from " + from + ": " + reason);
        announce(c, from, at);
        return c;
    }

    /**
     * Ends the case's 容缺受理 promise if every required material is there and archive-ready: a case approved while
     * waiting becomes {@code APPROVED} (the caller archives it). False while something is still to come.
     */
    public boolean keepPromise(String caseNumber, String actor) throws EarchiveException {
        BusinessCase c = locked(caseNumber);
        if (!c.promiseOpen() || !captureGate.passes(c)) {
            return false;
        }
        if (!CaseTransitions.missing(
                        documents, c, catalogue.find(c.businessType()).orElseThrow())
                .isEmpty()) {
            return false;
        }
        CaseStatus from = c.status();
        Instant now = Instant.now();
        c.promiseKept(now);
        cases.record(new CaseEvent(c.id(), now, actor, from, c.status(), "容缺材料已补齐"));
        audit.record(actor, AuditAction.PROMISE_KEPT, c.caseNumber(), "promised " + c.supplementPromised());
        return c.status() == CaseStatus.APPROVED;
    }

    private BusinessCase locked(String caseNumber) throws EarchiveException {
        return cases.findForUpdate(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
    }
}
