package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Settings;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseEvent;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.record.ArchiveNumber;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.record.ArchiveSeries;

/**
 * The archive's transactions. Numbering takes each series' counter row under a lock and writes the record in the
 * same transaction: a rollback returns the number, so numbers are unique and gap-free within their series however
 * many cases are archived at once.
 */
@Stateless
public class ArchiveNumbering {

    @EJB
    Outbox outbox;

    @Inject
    Settings settings;

    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    DocumentRepository documents;

    @Inject
    ArchiveRepository archive;

    @EJB
    AuditTrail audit;

    /** The case's records, numbering its documents first if this has not happened yet (idempotent). */
    public List<ArchiveRecord> number(String caseNumber, String actor) throws EarchiveException {
        BusinessCase c = cases.findForUpdate(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        List<ArchiveRecord> existing = archive.byCase(c.id());
        if (!existing.isEmpty() || c.status() == CaseStatus.ARCHIVED) {
            return existing;
        }
        if (c.status() != CaseStatus.APPROVED) {
            throw new EarchiveException(
                    ErrorCode.ILLEGAL_TRANSITION,
                    "案件 " + caseNumber + " 尚未审核通过，不能归档。Case " + caseNumber + " is " + c.status()
                            + ": only approved cases are archived.");
        }
        BusinessType type = catalogue.find(c.businessType()).orElseThrow();
        LocalDate formed = formed(c, settings);
        ArchiveSeries series = archive.lockSeries(seriesKey(c, type, settings));
        Instant now = Instant.now();
        List<ArchiveRecord> records = new ArrayList<>();
        for (CaseDocument d : documents.findByCase(c.id())) {
            ArchiveNumber number = new ArchiveNumber(
                    settings.fonds(),
                    formed.getYear(),
                    type.archiveCategory(),
                    type.retention().archiveCode(),
                    series.next());
            ArchiveRecord r = new ArchiveRecord(
                    number,
                    type.retention(),
                    formed,
                    c.id(),
                    c.applicant().idNumber(),
                    c.businessType(),
                    d,
                    now,
                    actor);
            archive.store(r);
            records.add(r);
        }
        audit.record(
                actor,
                AuditAction.CASE_ARCHIVED,
                c.caseNumber(),
                records.size() + " items "
                        + (records.isEmpty()
                                ? ""
                                : records.get(0).archiveNumber() + ".."
                                        + records.get(records.size() - 1).archiveNumber()));
        return records;
    }

    /** Creates the counter row of a new series in its own transaction (a concurrent creation is harmless). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ensureSeries(String seriesKey) {
        archive.createSeriesIfAbsent(seriesKey);
    }

    public String seriesKeyFor(String caseNumber) throws EarchiveException {
        BusinessCase c = cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        return seriesKey(c, catalogue.find(c.businessType()).orElseThrow(), settings);
    }

    /** A record is formed on the day its case was decided (today, for a case not decided yet). */
    private static LocalDate formed(BusinessCase c, Settings settings) {
        Instant decided = c.decidedAt() == null ? Instant.now() : c.decidedAt();
        return decided.atZone(settings.zone()).toLocalDate();
    }

    private static String seriesKey(BusinessCase c, BusinessType type, Settings settings) {
        return ArchiveNumber.seriesKey(
                settings.fonds(), formed(c, settings).getYear(), type.archiveCategory(), type.retention());
    }

    /** Closes the case once its records ({@code archiveNumbers}) exist and its objects are retained. */
    public void close(String caseNumber, String actor, List<String> archiveNumbers) throws EarchiveException {
        BusinessCase c = cases.findForUpdate(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
        if (c.status() == CaseStatus.ARCHIVED) {
            return;
        }
        CaseTransitions.step(() -> c.archive(Instant.now()));
        cases.record(new CaseEvent(c.id(), Instant.now(), actor, CaseStatus.APPROVED, CaseStatus.ARCHIVED, "归档"));
        // in this transaction: the index and the topic hear of the archiving even if the node dies right after it
        outbox.indexCase(c.id(), caseNumber);
        outbox.recordsArchived(caseNumber, c.businessType(), archiveNumbers);
    }

    /** One page of records with their cases, in its own short transaction. */
    public List<Object[]> recordsWithCases(long afterId, int limit) {
        return archive.pageWithCases(afterId, limit);
    }

    /** Approved cases not archived, approved before {@code before} (archiving in progress takes seconds). */
    public List<String> approvedWaiting(Instant before, int limit) {
        return cases.approvedBefore(before, limit);
    }
}
