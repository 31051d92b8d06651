package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.DispositionService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.AppraisalRun;
import org.earchive.archive.application.dto.DisposalListView;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.disposal.DisposalList;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultDispositionService implements DispositionService {
    @EJB
    OutboxRelay relay;

    @Inject
    Settings settings;

    static final String JOB = "disposition-appraisal";

    private static final Logger LOG = Logger.getLogger(DefaultDispositionService.class.getName());

    @EJB
    DisposalLists lists;

    @EJB
    AuditTrail audit;

    @Inject
    ObjectStore store;

    @Inject
    ArchiveRepository archive;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public AppraisalRun appraise() throws EarchiveException {
        Properties p = new Properties();
        p.setProperty("appraisedOn", today().toString());
        p.setProperty("actor", context.getCallerPrincipal().getName());
        long execution = BatchRuntime.getJobOperator().start(JOB, p);
        return run(execution);
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public AppraisalRun run(long execution) throws EarchiveException {
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            JobExecution e = operator.getJobExecution(execution);
            if (!JOB.equals(e.getJobName())) {
                throw new NoSuchJobExecutionException();
            }
            String exit = e.getExitStatus();
            Long listId = exit != null && exit.startsWith("LIST ") ? Long.valueOf(exit.substring(5)) : null;
            return new AppraisalRun(execution, e.getBatchStatus().name(), listId, exit);
        } catch (NoSuchJobExecutionException e) {
            throw new EarchiveException(ErrorCode.DISPOSAL_LIST_NOT_FOUND, "No appraisal run " + execution + ".");
        }
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public List<DisposalListView> lists() {
        return lists.all().stream().map(l -> view(l, false)).toList();
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public DisposalListView list(long id) throws EarchiveException {
        return view(found(id), true);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public DisposalListView decide(long id, boolean approve, String comment) throws EarchiveException {
        String actor = context.getCallerPrincipal().getName();
        DisposalList list = found(id);
        if (list.createdBy().equals(actor)) {
            throw new EarchiveException(
                    ErrorCode.FOUR_EYES,
                    "不能审批自己提交的销毁清册，请由鉴定小组的另一位成员审批。You proposed list " + id + ": someone else must approve it.");
        }
        if (comment == null || comment.isBlank()) {
            throw new EarchiveException(
                    ErrorCode.REASON_REQUIRED,
                    "请填写鉴定意见。A decision on a destruction list needs the appraisal's reasons.");
        }
        lists.decide(id, approve, actor, comment.strip());
        audit.record(
                actor,
                AuditAction.DISPOSAL_DECIDED,
                "disposal-list:" + id,
                (approve ? "approved: " : "rejected: ") + comment);
        return view(found(id), true);
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public DisposalListView execute(long id) throws EarchiveException {
        String actor = context.getCallerPrincipal().getName();
        DisposalList list = found(id);
        if (list.status() != DisposalList.Status.APPROVED) {
            throw new EarchiveException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "销毁清册 " + id + " 的状态是 " + list.status() + "，只有经批准的清册才能执行销毁。List " + id + " is " + list.status()
                            + ": only an approved list is executed.");
        }
        LocalDate today = today();
        for (long itemId : lists.itemIds(id)) {
            String key = lists.destroy(itemId, actor, today);
            if (key != null) {
                FaultPoints.reach(FaultPoints.DISPOSAL_DESTROYED);
                try {
                    store.delete(key);
                } catch (StorageException e) {
                    // the database says destroyed; the fixity audit's orphan cleanup removes the object later
                    LOG.log(Level.WARNING, "Destroyed record's object " + key + " not deleted yet: " + e.getMessage());
                }
            }
        }
        lists.executed(id, actor);
        relay.drainNow();
        return view(found(id), true);
    }

    private DisposalList found(long id) throws EarchiveException {
        DisposalList list = lists.find(id);
        if (list == null) {
            throw new EarchiveException(
                    ErrorCode.DISPOSAL_LIST_NOT_FOUND, "没有编号为 " + id + " 的销毁清册。There is no disposal list " + id + ".");
        }
        return list;
    }

    private DisposalListView view(DisposalList l, boolean withItems) {
        return new DisposalListView(
                l.id(),
                l.appraisedOn(),
                l.status().name(),
                l.createdBy(),
                l.createdAt(),
                l.decidedBy(),
                l.decidedAt(),
                l.decisionComment(),
                l.executedBy(),
                l.executedAt(),
                withItems
                        ? lists.items(l.id()).stream()
                                .map(i -> new DisposalListView.Item(
                                        i.archiveNumber(),
                                        i.retainUntil(),
                                        i.outcome().name(),
                                        i.outcomeDetail()))
                                .toList()
                        : List.of());
    }

    private LocalDate today() {
        return LocalDate.now(settings.zone());
    }
}
