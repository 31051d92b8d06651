package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.TransferService;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.application.dto.TransferEntryView;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.dto.TransferScope;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.audit.AuditRepository;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.archive.domain.model.record.ArchiveNumber;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.archive.domain.model.transfer.TransferEntry;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Transfer packages out and in. Export pages through the records (bounded memory whatever their number), copies each
 * object from the store once (its fixity checked on the way) and validates every XML description against the published
 * schema before it enters the package. Import verifies everything first — the bag, every digest, every description,
 * the four-property check of every file — and writes nothing unless all of it passed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTransferService implements TransferService {
    @Inject
    Settings settings;

    private static final Logger LOG = Logger.getLogger(DefaultTransferService.class.getName());
    private static final int PAGE = 200;

    @EJB
    TransferImport importer;

    @EJB
    TransferExport exporter;

    @EJB
    PackageCheck packageCheck;

    @EJB
    ArchiveNumbering numbering;

    @EJB
    CheckReports reports;

    @EJB
    DocumentTexts texts;

    @EJB
    AuditTrail auditTrail;

    @Inject
    ArchiveRepository archive;

    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    AuditRepository audit;

    @Inject
    ObjectStore store;

    @Inject
    SearchIndex index;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public TransferReport export(TransferScope scope, OutputStream out) throws EarchiveException {
        return exporter.export(scope, out);
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public TransferReport verify(Path packageFile) throws EarchiveException {
        try (PackageCheck.Checked checked = packageCheck.check(packageFile)) {
            return checked.report(checked.problems.isEmpty() ? "VERIFIED" : "REJECTED", null, 0, 0, List.of());
        }
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public void delivered(String packageId, String receiver, String outcome, int records, String detail)
            throws EarchiveException {
        TransferEntry.Outcome o;
        try {
            o = TransferEntry.Outcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "outcome must be DELIVERED or REFUSED");
        }
        String actor = context.getCallerPrincipal().getName();
        importer.register(new TransferEntry(
                packageId,
                TransferEntry.Direction.EXPORT,
                o,
                "delivery to " + receiver,
                settings.fonds(),
                receiver,
                records,
                null,
                null,
                actor,
                Instant.now(),
                detail));
        auditTrail.record(actor, AuditAction.TRANSFER_EXPORTED, packageId, o + " to " + receiver + ": " + detail);
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN, Roles.SERVICE})
    public TransferReport receive(Path packageFile, String intoFonds) throws EarchiveException {
        String actor = context.getCallerPrincipal().getName();
        String fonds = intoFonds == null || intoFonds.isBlank() ? settings.fonds() : intoFonds.strip();
        if (!fonds.matches("[A-Z0-9]{1,16}")) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "全宗号应为 1–16 位大写字母或数字。A fonds code is 1 to 16 capitals or digits.");
        }
        synchronized (
                DefaultTransferService
                        .class) { // one import at a time per server; the unique source index guards a cluster
            try (PackageCheck.Checked checked = packageCheck.check(packageFile)) {
                if (!checked.problems.isEmpty()) {
                    TransferReport report = checked.report("REJECTED", fonds, 0, 0, List.of());
                    importer.register(entry(
                            checked,
                            TransferEntry.Outcome.REJECTED,
                            fonds,
                            actor,
                            String.join("\n", checked.problems)));
                    auditTrail.record(
                            actor,
                            AuditAction.TRANSFER_REJECTED,
                            checked.packageId(),
                            checked.problems.size() + " problems, first: " + checked.problems.get(0));
                    return report;
                }
                Map<String, List<TransferImport.Incoming>> dossiers = new LinkedHashMap<>();
                int held = 0;
                for (PackageCheck.Received r : checked.records) {
                    if (importer.held(r.description(), fonds)) {
                        held++;
                        continue;
                    }
                    StoredObject stored;
                    try (InputStream in = checked.bag.open(r.path())) {
                        stored = store.put(in, r.description().file().mediaType());
                    }
                    if (!stored.sha256().equals(r.description().file().sha256())) {
                        throw new EarchiveException(
                                ErrorCode.INTEGRITY_FAILURE, "The store kept different bytes for " + r.path());
                    }
                    dossiers.computeIfAbsent(
                                    r.description().originOffice() + "|"
                                            + r.description().caseNumber(),
                                    k -> new ArrayList<>())
                            .add(new TransferImport.Incoming(
                                    r.description(),
                                    new StoredContent(stored.key(), stored.size(), stored.sha256(), stored.sm3())));
                }
                List<String> numbers = new ArrayList<>();
                for (List<TransferImport.Incoming> dossier : dossiers.values()) {
                    for (TransferImport.Incoming in : dossier) {
                        RecordDescription d = in.description();
                        numbering.ensureSeries(ArchiveNumber.seriesKey(
                                fonds,
                                d.year(),
                                catalogue.find(d.businessType()).orElseThrow().archiveCategory(),
                                Retention.valueOf(d.retention())));
                    }
                    List<Item> items = new ArrayList<>();
                    for (TransferImport.Incoming in : dossier) {
                        items.addAll(
                                checked.receipt.getOrDefault(in.description().archiveNumber(), List.of()));
                    }
                    List<ArchiveRecord> records = importer.receiveDossier(
                            dossier, fonds, checked.packageId(), checked.sourceOffice(), actor, settings.zone());
                    // the report of the check on receipt, kept with the received dossier (its own transaction, after
                    // the dossier's)
                    reports.save(
                            cases.findById(records.get(0).caseId()).orElseThrow(),
                            PropertyCheck.Occasion.RECEIPT,
                            actor,
                            items);
                    for (ArchiveRecord r : records) {
                        numbers.add(r.archiveNumber());
                        retain(r);
                    }
                    indexReceived(records);
                }
                String outcome = numbers.isEmpty() ? "ALREADY_HELD" : "IMPORTED";
                TransferReport report = checked.report(outcome, fonds, numbers.size(), held, numbers);
                importer.register(entry(
                        checked,
                        numbers.isEmpty() ? TransferEntry.Outcome.ALREADY_HELD : TransferEntry.Outcome.IMPORTED,
                        fonds,
                        actor,
                        numbers.size() + " imported, " + held + " already held: " + String.join(" ", numbers)));
                auditTrail.record(
                        actor,
                        AuditAction.TRANSFER_IMPORTED,
                        checked.packageId(),
                        "from " + checked.sourceOffice() + " into " + fonds + ": " + numbers.size() + " imported, "
                                + held + " already held, tagmanifest sha256 " + checked.bag.tagManifestSha256());
                return report;
            } catch (IOException | StorageException e) {
                throw new EarchiveException(
                        ErrorCode.STORAGE_UNAVAILABLE,
                        "移交包导入中断，未导入任何档案之外的内容请重试。The import was interrupted: " + e.getMessage()
                                + ". Import the package again: records already imported are not duplicated.",
                        e);
            }
        }
    }

    private TransferEntry entry(
            PackageCheck.Checked c, TransferEntry.Outcome outcome, String fonds, String actor, String report) {
        return new TransferEntry(
                c.packageId(),
                TransferEntry.Direction.IMPORT,
                outcome,
                "package " + c.bag.bagName(),
                c.sourceOffice(),
                fonds,
                c.records.size(),
                c.bag.bagInfo().get("Payload-Oxum"),
                c.bag.tagManifestSha256(),
                actor,
                Instant.now(),
                report);
    }

    private void retain(ArchiveRecord r) {
        LocalDate until = r.retainUntil() == null ? DefaultArchiveService.PERMANENT_UNTIL : r.retainUntil();
        try {
            store.retain(
                    r.objectKey(),
                    until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            if (r.legalHold()) {
                store.legalHold(r.objectKey(), true);
            }
        } catch (StorageException e) {
            LOG.log(
                    Level.WARNING,
                    "Received record " + r.archiveNumber() + " is not yet under retention in the store: "
                            + e.getMessage() + "; the fixity audit reports it",
                    e);
        }
    }

    private void indexReceived(List<ArchiveRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            BusinessCase c = cases.findById(records.get(0).caseId()).orElseThrow();
            index.indexAll(records.stream()
                    .map(r -> DefaultSearchService.entry(r, c, texts.of(r.documentId())))
                    .toList());
        } catch (IOException | RuntimeException e) {
            LOG.warning("Received records imported but not indexed (reindex rebuilds it): " + e.getMessage());
        }
    }

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.AUDITOR, Roles.ADMIN})
    public List<TransferEntryView> register(int limit) {
        return importer.entries(Math.max(1, Math.min(limit, 500))).stream()
                .map(t -> new TransferEntryView(
                        t.id(),
                        t.packageId(),
                        t.direction(),
                        t.outcome(),
                        t.scope(),
                        t.sourceOffice(),
                        t.targetOffice(),
                        t.recordCount(),
                        t.payloadOxum(),
                        t.tagmanifestSha256(),
                        t.actor(),
                        t.at(),
                        t.report()))
                .toList();
    }
}
