package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.earchive.archive.application.ArchiveService;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.MaterialAnswer;
import org.earchive.archive.application.dto.PropertyCheckView;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.application.dto.RecordView;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.identity.InvalidCitizenIdException;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

/**
 * Archiving in three steps, each safe to repeat: number the case's items (one transaction, series locked), put their
 * objects under write-once retention in the store, close the case. A failure anywhere leaves the case approved, and
 * the archiving schedule resumes it where it stopped.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultArchiveService implements ArchiveService {
    @EJB
    OutboxRelay relay;

    @Inject
    Settings settings;

    /** "Permanent" in the store: a retention date no record will outlive. */

    /** What a hit on a restricted (or destroyed) record shows instead of its text. */
    @EJB
    ArchiveNumbering numbering;

    @EJB
    FourPropertyCheck checker;

    @EJB
    CheckReports reports;

    @EJB
    RecordChanges records;

    @EJB
    AuditTrail auditTrail;

    @Inject
    ArchiveRepository archive;

    @Inject
    CaseRepository cases;

    @Inject
    ObjectStore store;

    @Inject
    SearchIndex index;

    @EJB
    HallRule hall;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.REVIEWER, Roles.ARCHIVIST, Roles.ADMIN})
    public List<RecordView> archive(String caseNumber) throws EarchiveException {
        return archive(caseNumber, context.getCallerPrincipal().getName());
    }

    @Override
    @PermitAll
    public List<RecordView> archiveApproved(String caseNumber) throws EarchiveException {
        return archive(caseNumber, "system");
    }

    private List<RecordView> archive(String caseNumber, String actor) throws EarchiveException {
        BusinessCase c = cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        boolean numberedBefore = !archive.byCase(c.id()).isEmpty();
        List<Item> items = new ArrayList<>();
        if (c.status() == CaseStatus.APPROVED && !numberedBefore) {
            // DA/T 70 at archiving: nothing is numbered while the dossier fails the check
            items.addAll(checker.check(c, List.of()));
            blockIfFailed(c, actor, items, false);
        }
        String seriesKey = numbering.seriesKeyFor(caseNumber);
        try {
            numbering.ensureSeries(seriesKey);
        } catch (EJBException e) {
            // Another archiving created the series row at the same moment: it exists now, which is all we need.
        }
        List<ArchiveRecord> records = numbering.number(caseNumber, actor);
        FaultPoints.reach(FaultPoints.ARCHIVE_NUMBERED);
        for (ArchiveRecord r : records) {
            try {
                RecordRetention.apply(store, r);
            } catch (StorageException e) {
                throw new EarchiveException(
                        ErrorCode.STORAGE_UNAVAILABLE,
                        "The records of " + caseNumber + " are numbered but " + r.objectKey()
                                + " could not be put under retention: " + e.getMessage()
                                + ". Archiving will be resumed.",
                        e);
            }
        }
        if (c.status() == CaseStatus.APPROVED) {
            items.addAll(numberedBefore ? checker.check(c, records) : checker.recordChecks(c, records));
            blockIfFailed(c, actor, items, true);
        }
        numbering.close(
                caseNumber,
                actor,
                records.stream().map(ArchiveRecord::archiveNumber).toList());
        relay.drain(caseNumber); // indexed and announced now; the outbox keeps both if this node dies first
        return records.stream().map(r -> RecordViews.of(r, caseNumber, true)).toList();
    }

    /**
     * Stores the report when it fails or is {@code complete} (a passing report is stored once, with the numbered
     * records' items); a failed one stops archiving here, with every failed item in the message.
     */
    private void blockIfFailed(BusinessCase c, String actor, List<Item> items, boolean complete)
            throws EarchiveException {
        boolean passed = items.stream().allMatch(Item::passed);
        if (passed && !complete) {
            return;
        }
        PropertyCheckView report = reports.save(c, PropertyCheck.Occasion.ARCHIVING, actor, items);
        auditTrail.record(
                actor,
                AuditAction.FOUR_PROPERTY_CHECK,
                c.caseNumber(),
                "report " + report.id() + (passed ? " passed" : " failed") + ", " + items.size() + " items");
        if (!passed) {
            String failed = CheckReports.summary(items);
            auditTrail.record(
                    actor, AuditAction.ARCHIVING_BLOCKED, c.caseNumber(), "report " + report.id() + ": " + failed);
            throw new EarchiveException(
                    ErrorCode.FOUR_PROPERTY_CHECK_FAILED,
                    "四性检测未通过，案件 " + c.caseNumber() + " 暂不归档（检测报告 " + report.id() + "）：" + failed
                            + "。The four-property check failed, so case " + c.caseNumber()
                            + " is not archived: see report "
                            + report.id() + " (GET /api/archive/checks/" + report.id()
                            + "), correct what it names, then archive again.");
        }
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public RecordView hold(String archiveNumber, boolean on, String reason) throws EarchiveException {
        if (on && (reason == null || reason.isBlank())) {
            throw new EarchiveException(ErrorCode.REASON_REQUIRED, "请写明保全（冻结）的原因。A legal hold needs a reason.");
        }
        String actor = context.getCallerPrincipal().getName();
        RecordChanges.HoldChange change = records.hold(archiveNumber, on, reason, store);
        ArchiveRecord r = change.record();
        if (change.storeFailure() != null) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "The hold of " + archiveNumber + " is recorded but the store could not apply it: "
                            + change.storeFailure().getMessage() + ". Try again: the store's hold is set again.",
                    change.storeFailure());
        }
        auditTrail.record(
                actor,
                on ? AuditAction.HOLD_PLACED : AuditAction.HOLD_RELEASED,
                archiveNumber,
                on ? reason : "released" + (reason == null ? "" : ": " + reason));
        return RecordViews.of(r, caseNumberOf(r), seesFullId());
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public RecordView restrict(String archiveNumber, boolean on, String reason) throws EarchiveException {
        ArchiveRecord r = records.restrict(archiveNumber, on);
        auditTrail.record(
                context.getCallerPrincipal().getName(),
                AuditAction.RECORD_RESTRICTED,
                archiveNumber,
                (on ? "restricted" : "open") + (reason == null || reason.isBlank() ? "" : ": " + reason));
        return RecordViews.of(r, caseNumberOf(r), seesFullId());
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public RecordView record(String archiveNumber) throws EarchiveException {
        ArchiveRecord r = archive.find(archiveNumber).orElseThrow(() -> Failures.recordNotFound(archiveNumber));
        readBySystem(archiveNumber, "record");
        return RecordViews.of(r, caseNumberOf(r), seesFullId());
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<RecordView> person(String citizenId) throws EarchiveException {
        String id;
        try {
            id = CitizenId.parse(citizenId).value();
        } catch (InvalidCitizenIdException e) {
            throw new EarchiveException(ErrorCode.INVALID_CITIZEN_ID, e.getMessage());
        }
        boolean full = seesFullId();
        List<RecordView> records = archive.byCitizen(id).stream()
                .map(r -> RecordViews.of(r, caseNumberOf(r), full))
                .toList();
        readBySystem("person:" + CitizenId.mask(id), records.size() + " records");
        return records;
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public MaterialAnswer material(String citizenId, String material) throws EarchiveException {
        LocalDate today = LocalDate.now(settings.zone());
        List<RecordView> records = person(citizenId);
        String masked = CitizenId.mask(citizenId);
        return records.stream()
                .filter(r -> r.material().equals(material))
                .filter(r -> r.disposedAt() == null
                        && (r.retainUntil() == null || !r.retainUntil().isBefore(today)))
                .max(Comparator.comparing(RecordView::archivedAt))
                .map(r -> new MaterialAnswer(masked, material, true, r.archiveNumber(), r.archivedAt(), null))
                .orElseGet(() -> new MaterialAnswer(
                        masked,
                        material,
                        false,
                        null,
                        null,
                        records.stream().anyMatch(r -> r.material().equals(material))
                                ? "destroyed or past retention"
                                : "none archived"));
    }

    /** Another system's read (role reader) leaves an audit entry, one per call, naming what it read. */
    private void readBySystem(String target, String what) {
        if (context.isCallerInRole(Roles.READER)) {
            auditTrail.record(context.getCallerPrincipal().getName(), AuditAction.RECORD_READ, target, what);
        }
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN, Roles.READER, Roles.REVIEWER, Roles.CLERK})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<RecordView> dossier(String caseNumber) throws EarchiveException {
        long caseId = hall.caseOf(caseNumber).id();
        readBySystem(caseNumber, "dossier");
        boolean full = seesFullId();
        return archive.byCase(caseId).stream()
                .map(r -> RecordViews.of(r, caseNumber, full))
                .toList();
    }

    /** Best effort: the index is rebuilt from the database ({@link DefaultSearchService#reindex}) if this fails. */
    private String caseNumberOf(ArchiveRecord r) {
        return cases.findById(r.caseId()).map(c -> c.caseNumber()).orElse(null);
    }

    private boolean seesFullId() {
        return context.isCallerInRole(Roles.ARCHIVIST)
                || context.isCallerInRole(Roles.READER)
                || context.isCallerInRole(Roles.REVIEWER);
    }
}
