package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.BorrowingService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.BorrowingView;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.borrowing.Borrowing;
import org.earchive.archive.domain.model.borrowing.BorrowingRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

@Stateless
public class DefaultBorrowingService implements BorrowingService {
    @Inject
    BorrowingRepository borrowings;

    @EJB
    AuditTrail audit;

    @Inject
    ArchiveRepository archive;

    @Resource
    SessionContext context;

    @EJB
    HallRule hall;

    @Override
    @RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER})
    public BorrowingView request(String archiveNumber, String purpose, int days) throws EarchiveException {
        String reader = context.getCallerPrincipal().getName();
        ArchiveRecord r = archive.find(archiveNumber == null ? "" : archiveNumber)
                .orElseThrow(() -> Failures.recordNotFound(archiveNumber));
        hall.record(r);
        if (r.disposed()) {
            throw new EarchiveException(
                    ErrorCode.RECORD_DISPOSED,
                    "档案 " + archiveNumber + " 已销毁，不能借阅。The content of " + archiveNumber
                            + " was destroyed: it cannot be borrowed.");
        }
        Borrowing b;
        try {
            b = new Borrowing(archiveNumber, reader, purpose, days, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, e.getMessage());
        }
        borrowings.store(b);
        audit.record(
                reader,
                AuditAction.BORROWING_REQUESTED,
                archiveNumber,
                "borrowing " + b.id() + " for " + days + " days: " + purpose);
        return view(b);
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public BorrowingView decide(long id, boolean approve, String comment) throws EarchiveException {
        String archivist = context.getCallerPrincipal().getName();
        Borrowing b = borrowings.lock(id).orElse(null);
        if (b == null) {
            throw new EarchiveException(
                    ErrorCode.BORROWING_NOT_FOUND, "没有编号为 " + id + " 的借阅申请。There is no borrowing " + id + ".");
        }
        if (b.requestedBy().equals(archivist)) {
            throw new EarchiveException(
                    ErrorCode.FOUR_EYES,
                    "不能审批自己的借阅申请，请由另一位档案管理员审批。You cannot decide your own borrowing: another archivist must.");
        }
        if (comment == null || comment.isBlank()) {
            throw new EarchiveException(ErrorCode.REASON_REQUIRED, "请填写审批意见。A decision needs a comment.");
        }
        try {
            b.decide(approve, archivist, comment.strip(), Instant.now());
        } catch (IllegalStateException e) {
            throw new EarchiveException(ErrorCode.ILLEGAL_TRANSITION, e.getMessage());
        }
        audit.record(
                archivist,
                AuditAction.BORROWING_DECIDED,
                b.archiveNumber(),
                "borrowing " + id + " by " + b.requestedBy()
                        + (approve ? " approved until " + b.expiresAt() : " rejected") + ": " + comment);
        return view(b);
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.REVIEWER, Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER})
    public List<BorrowingView> list(String status) throws EarchiveException {
        boolean all = context.isCallerInRole(Roles.ARCHIVIST) || context.isCallerInRole(Roles.ADMIN);
        Borrowing.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Borrowing.Status.valueOf(status.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new EarchiveException(
                        ErrorCode.INVALID_REQUEST, "status must be REQUESTED, APPROVED or REJECTED");
            }
        }
        return borrowings.list(all ? null : context.getCallerPrincipal().getName(), wanted, 500).stream()
                .map(DefaultBorrowingService::view)
                .toList();
    }

    static BorrowingView view(Borrowing b) {
        return new BorrowingView(
                b.id(),
                b.archiveNumber(),
                b.requestedBy(),
                b.purpose(),
                b.days(),
                b.requestedAt(),
                b.status().name(),
                b.decidedBy(),
                b.decidedAt(),
                b.decisionComment(),
                b.expiresAt(),
                b.activeAt(Instant.now()));
    }
}
