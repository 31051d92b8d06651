package org.earchive.archive.application.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.CaseService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.WorkflowService;
import org.earchive.archive.application.dto.CaseView;
import org.earchive.archive.application.dto.TaskView;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;

/**
 * Each step commits on its own (in {@link CaseTransitions}); an approval is followed by archiving in separate
 * transactions, so a store that is slow to apply retention never holds the case row locked. If archiving fails, the
 * case stays approved and the archiving schedule finishes it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultWorkflowService implements WorkflowService {
    @EJB
    OutboxRelay relay;

    private static final Logger LOG = Logger.getLogger(DefaultWorkflowService.class.getName());

    @EJB
    CaseTransitions transitions;

    @EJB
    HallRule hall;

    @EJB
    CaseService caseService;

    @EJB
    ArchiveService archive;

    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    public CaseView submit(String caseNumber, LocalDate promisedSupplement, String clerk) throws EarchiveException {
        hall.caseOf(caseNumber);
        BusinessCase c = transitions.submit(caseNumber, promisedSupplement, clerk);
        relay.drain(caseNumber); // the risk module hears of it now; the outbox keeps it if this node dies first
        return caseService.find(caseNumber);
    }

    @Override
    @RolesAllowed(Roles.REVIEWER)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<TaskView> tasks(String reviewer) {
        Instant now = Instant.now();
        return cases.assignedTo(reviewer).stream().map(c -> task(c, now)).toList();
    }

    private TaskView task(BusinessCase c, Instant now) {
        String typeName = catalogue.find(c.businessType()).map(t -> t.nameZh()).orElse(c.businessType());
        return new TaskView(
                c.caseNumber(),
                c.caseNumber(),
                c.businessType(),
                typeName,
                c.applicant().name(),
                c.acceptedBy(),
                c.submittedAt(),
                c.dueAt(),
                Duration.between(now, c.dueAt()).toMinutes(),
                c.overdue(now));
    }

    @Override
    @RolesAllowed(Roles.REVIEWER)
    public CaseView decide(String caseNumber, Decision decision, String comment, String reviewer)
            throws EarchiveException {
        if (decision == null) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "请选择审核结论：APPROVE、REJECT 或 SUPPLEMENT。The decision must be APPROVE, REJECT or SUPPLEMENT.");
        }
        BusinessCase decided = transitions.decide(caseNumber, decision, comment, reviewer);
        // approved while a promised material is still to come, the case waits for it (AWAITING_MATERIALS) instead
        if (decided.status() == CaseStatus.APPROVED) {
            try {
                archive.archive(caseNumber);
            } catch (EarchiveException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Case " + caseNumber + " approved; archiving will be retried: " + e.getMessage(),
                        e);
            }
        }
        return caseService.find(caseNumber);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public CaseView reassign(String caseNumber, String reviewer, String admin) throws EarchiveException {
        transitions.reassign(caseNumber, reviewer, admin);
        return caseService.find(caseNumber);
    }

    @Override
    @PermitAll
    public int assignWaiting() {
        int assigned = 0;
        for (String caseNumber : transitions.waiting(200)) {
            try {
                assigned += transitions.assignWaiting(caseNumber) ? 1 : 0;
            } catch (EarchiveException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not assign waiting case " + caseNumber + ": " + e.getMessage(), e);
            }
        }
        return assigned;
    }
}
