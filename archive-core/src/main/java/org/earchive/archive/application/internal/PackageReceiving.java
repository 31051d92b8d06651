package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.archive.domain.model.record.ArchiveNumber;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.archive.domain.model.transfer.TransferEntry;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Receiving a verified package: the payload into the store, each dossier registered under the receiving fonds with the
 * report of its check on receipt, its objects under retention, its records indexed; a package with problems is
 * registered as rejected and nothing else is written. Records this archive already holds are counted, not duplicated.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PackageReceiving {
    @EJB
    OutboxRelay relay;

    private static final Logger LOG = Logger.getLogger(PackageReceiving.class.getName());

    @Inject
    Settings settings;

    @EJB
    TransferImport importer;

    @EJB
    PackageCheck packageCheck;

    @EJB
    ArchiveNumbering numbering;

    @EJB
    CheckReports reports;

    @EJB
    AuditTrail auditTrail;

    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    ObjectStore store;

    /** What the payload of a checked package became in the store, grouped by dossier. */
    private record Payload(Map<String, List<TransferImport.Incoming>> dossiers, int held) {}

    /** Receives a package into {@code fonds}; the caller holds the one-import-at-a-time lock. */
    public TransferReport receive(Path packageFile, String fonds, String actor) throws EarchiveException {
        try (PackageCheck.Checked checked = packageCheck.check(packageFile)) {
            if (!checked.problems.isEmpty()) {
                return rejected(checked, fonds, actor);
            }
            Payload payload = storePayload(checked, fonds);
            List<String> numbers = new ArrayList<>();
            for (List<TransferImport.Incoming> dossier : payload.dossiers().values()) {
                numbers.addAll(registerDossier(checked, dossier, fonds, actor));
            }
            relay.drainNow(); // the received records are searchable when the import returns
            return imported(checked, fonds, actor, numbers, payload.held());
        } catch (IOException | StorageException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "移交包导入中断，请重新导入，已导入的档案不会重复。The import was interrupted: " + e.getMessage()
                            + ". Import the package again: records already imported are not duplicated.",
                    e);
        }
    }

    private TransferReport rejected(PackageCheck.Checked checked, String fonds, String actor) {
        TransferReport report = checked.report("REJECTED", fonds, 0, 0, List.of());
        importer.register(
                entry(checked, TransferEntry.Outcome.REJECTED, fonds, actor, String.join("\n", checked.problems)));
        auditTrail.record(
                actor,
                AuditAction.TRANSFER_REJECTED,
                checked.packageId(),
                checked.problems.size() + " problems, first: " + checked.problems.get(0));
        return report;
    }

    /** Stores every record's file that this archive does not hold yet, checking the store kept the same bytes. */
    private Payload storePayload(PackageCheck.Checked checked, String fonds)
            throws IOException, StorageException, EarchiveException {
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
        return new Payload(dossiers, held);
    }

    /** Numbers one dossier in the receiving fonds, keeps its report of the check on receipt; its archive numbers. */
    private List<String> registerDossier(
            PackageCheck.Checked checked, List<TransferImport.Incoming> dossier, String fonds, String actor) {
        List<Item> items = new ArrayList<>();
        for (TransferImport.Incoming in : dossier) {
            RecordDescription d = in.description();
            numbering.ensureSeries(ArchiveNumber.seriesKey(
                    fonds,
                    d.year(),
                    catalogue.find(d.businessType()).orElseThrow().archiveCategory(),
                    Retention.valueOf(d.retention())));
            items.addAll(checked.receipt.getOrDefault(d.archiveNumber(), List.of()));
        }
        List<ArchiveRecord> records = importer.receiveDossier(
                dossier, fonds, checked.packageId(), checked.sourceOffice(), actor, settings.zone());
        // the report of the check on receipt, kept with the received dossier (its own transaction, after the dossier's)
        reports.save(
                cases.findById(records.get(0).caseId()).orElseThrow(), PropertyCheck.Occasion.RECEIPT, actor, items);
        records.forEach(this::retain);
        return records.stream().map(ArchiveRecord::archiveNumber).toList();
    }

    private TransferReport imported(
            PackageCheck.Checked checked, String fonds, String actor, List<String> numbers, int held) {
        TransferReport report =
                checked.report(numbers.isEmpty() ? "ALREADY_HELD" : "IMPORTED", fonds, numbers.size(), held, numbers);
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
                "from " + checked.sourceOffice() + " into " + fonds + ": " + numbers.size() + " imported, " + held
                        + " already held, tagmanifest sha256 " + checked.bag.tagManifestSha256());
        return report;
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
        try {
            RecordRetention.apply(store, r);
        } catch (StorageException e) {
            LOG.log(
                    Level.WARNING,
                    "Received record " + r.archiveNumber() + " is not yet under retention in the store: "
                            + e.getMessage() + "; the fixity audit reports it",
                    e);
        }
    }
}
