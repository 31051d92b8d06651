package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.port.FixityLedger;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.Applicant;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseEvent;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.record.ArchiveNumber;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.record.ArchiveSeries;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.archive.domain.model.transfer.TransferEntry;
import org.earchive.archive.domain.model.transfer.TransferEntryRepository;

/**
 * The import's transactions: one received dossier (its case, documents and records under this archive's own numbers,
 * series locked as at archiving) per call, and the register's lines.
 */
@Stateless
public class TransferImport {
    @Inject
    FixityLedger fixity;

    @EJB
    Outbox outbox;

    @EJB
    CaseNumbering numbering;

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

    @Inject
    TransferEntryRepository register;

    /** One record of a verified package, its object already in the store. */
    record Incoming(RecordDescription description, StoredContent content) {}

    /** Whether this archive already holds the record (received before, or its own). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean held(RecordDescription d, String intoFonds) {
        if (archive.bySource(d.originOffice(), d.originNumber()).isPresent()) {
            return true;
        }
        return d.originOffice().equals(intoFonds)
                && archive.find(d.originNumber())
                        .filter(r -> r.sha256().equals(d.file().sha256()))
                        .isPresent();
    }

    /**
     * Creates one received dossier: an archived case of the records' business type for their applicant, a document per
     * file and a record per document, numbered in {@code intoFonds}'s series with the records' own retention.
     */
    public List<ArchiveRecord> receiveDossier(
            List<Incoming> dossier,
            String intoFonds,
            String packageId,
            String sourceOffice,
            String actor,
            ZoneId zone) {
        RecordDescription first = dossier.get(0).description();
        BusinessType type = catalogue.find(first.businessType()).orElseThrow();
        Instant now = Instant.now();
        BusinessCase received = BusinessCase.received(
                type,
                new Applicant(CitizenId.parse(first.citizenId()), first.applicantName()),
                sourceOffice,
                actor,
                first.decidedAt(),
                now);
        received.assignNumber(numbering.next(now, zone));
        BusinessCase c = cases.store(received);
        cases.record(new CaseEvent(
                c.id(),
                now,
                actor,
                null,
                CaseStatus.ARCHIVED,
                "接收 / received: package " + packageId + " from " + sourceOffice + ", case " + first.caseNumber()
                        + " there"));
        List<ArchiveRecord> records = new ArrayList<>();
        for (Incoming in : dossier) {
            records.add(receiveRecord(in, c, type, intoFonds, packageId, sourceOffice, actor, zone, now));
        }
        archive.flush();
        outbox.indexCase(c.id(), c.caseNumber());
        audit.record(
                actor,
                AuditAction.TRANSFER_IMPORTED,
                c.caseNumber(),
                "package " + packageId + " from " + sourceOffice + ": " + records.size() + " records "
                        + records.get(0).archiveNumber() + ".."
                        + records.get(records.size() - 1).archiveNumber());
        return records;
    }

    /** One received file: its document row and its record, numbered in the receiving fonds' series. */
    private ArchiveRecord receiveRecord(
            Incoming in,
            BusinessCase c,
            BusinessType type,
            String intoFonds,
            String packageId,
            String sourceOffice,
            String actor,
            ZoneId zone,
            Instant now) {
        RecordDescription d = in.description();
        CaseDocument doc = documents.store(
                new CaseDocument(c.id(), d.material(), d.title(), d.file().mediaType(), in.content(), actor, now)
                        .withRole(d.role()));
        fixity.enter(doc.objectKey(), now.plus(FixitySlices.FIRST_CHECK));
        Retention retention = Retention.valueOf(d.retention());
        LocalDate formed = d.archivedAt().atZone(zone).toLocalDate();
        ArchiveSeries series =
                archive.lockSeries(ArchiveNumber.seriesKey(intoFonds, d.year(), type.archiveCategory(), retention));
        ArchiveNumber number =
                new ArchiveNumber(intoFonds, d.year(), type.archiveCategory(), retention.archiveCode(), series.next());
        ArchiveRecord r = new ArchiveRecord(
                        number, retention, formed, c.id(), c.applicant().idNumber(), d.businessType(), doc, now, actor)
                .receivedFrom(d.originOffice(), d.originNumber(), packageId);
        if (d.legalHold()) {
            r.hold("保全随移交接收 / hold carried over from " + sourceOffice);
        }
        r.restrict(d.restricted());
        archive.store(r);
        return r;
    }

    public void register(TransferEntry entry) {
        register.store(entry);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TransferEntry> entries(int limit) {
        return register.recent(limit);
    }
}
