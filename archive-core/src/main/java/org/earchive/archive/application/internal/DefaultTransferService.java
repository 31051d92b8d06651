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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.TransferService;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.application.dto.TransferEntryView;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.dto.TransferScope;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.audit.AuditEvent;
import org.earchive.archive.domain.model.audit.AuditRepository;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.transfer.TransferEntry;
import org.earchive.archive.domain.service.SearchIndex;
import org.earchive.archive.infrastructure.bagit.BagReader;
import org.earchive.archive.infrastructure.bagit.BagWriter;
import org.earchive.archive.infrastructure.bagit.RecordDescription;
import org.earchive.archive.infrastructure.bagit.RecordXml;
import org.earchive.archive.infrastructure.config.EarchiveSettings;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.digest.FixityDigest;

/**
 * Transfer packages out and in. Export pages through the records (bounded memory whatever their number), copies each
 * object from the store once (its fixity checked on the way) and validates every XML description against the published
 * schema before it enters the package. Import verifies everything first — the bag, every digest, every description,
 * the four-property check of every file — and writes nothing unless all of it passed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTransferService implements TransferService {
    private static final Logger LOG = Logger.getLogger(DefaultTransferService.class.getName());
    private static final int PAGE = 200;
    private static final int AUDIT_EXCERPT = 50;

    @EJB
    TransferImport importer;

    @EJB
    ArchiveNumbering numbering;

    @EJB
    FourPropertyCheck checker;

    @EJB
    DocumentTexts texts;

    @EJB
    AuditTrail auditTrail;

    @Inject
    ArchiveRepository archive;

    @Inject
    CaseRepository cases;

    @Inject
    DocumentRepository documents;

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
        String actor = context.getCallerPrincipal().getName();
        EarchiveSettings settings = EarchiveSettings.current();
        String packageId = settings.fonds() + "-" + LocalDate.now(settings.zone()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        List<String> numbers = new ArrayList<>();
        BagWriter.Summary summary;
        try (BagWriter bag = new BagWriter(out, packageId)) {
            Cursor cursor = cursor(scope);
            Map<Long, CaseInfo> caseInfo = new LinkedHashMap<>();
            for (List<ArchiveRecord> page = cursor.next(); !page.isEmpty(); page = cursor.next()) {
                for (ArchiveRecord r : page) {
                    if (r.disposedAt() != null) {
                        continue; // destroyed under an approved disposal list: nothing left to transfer
                    }
                    if (caseInfo.size() > 1000) {
                        caseInfo.clear();
                    }
                    CaseInfo ci = caseInfo.computeIfAbsent(r.caseId(), this::caseInfo);
                    writeRecord(bag, r, ci, settings.fonds());
                    numbers.add(r.archiveNumber());
                }
            }
            if (numbers.isEmpty()) {
                throw new EarchiveException(
                        ErrorCode.RECORD_NOT_FOUND,
                        "所选范围内没有可移交的档案。There are no records to transfer in " + scope.describe() + ".");
            }
            Map<String, String> info = new LinkedHashMap<>();
            info.put("Source-Organization", settings.fonds());
            info.put("External-Identifier", packageId);
            info.put(
                    "External-Description",
                    "earchive transfer package: " + scope.describe() + ", " + numbers.size() + " records");
            info.put("Bag-Software-Agent", "earchive (earchive-record-1.0.xsd)");
            summary = bag.finish(info);
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE,
                    "移交包写出中断。The transfer package could not be written: " + e.getMessage(),
                    e);
        } catch (StorageException e) {
            throw new EarchiveException(
                    ErrorCode.INTEGRITY_FAILURE,
                    "档案文件读取或校验失败，移交包未完成。A record's file could not be read intact, so the package is not complete: "
                            + e.getMessage() + ". Run the fixity audit and repair the object first.",
                    e);
        }
        String detail = scope.describe() + ": " + numbers.size() + " records, Payload-Oxum " + summary.payloadOxum()
                + ", tagmanifest sha256 " + summary.tagManifestSha256();
        importer.register(new TransferEntry(
                packageId,
                TransferEntry.Direction.EXPORT,
                TransferEntry.Outcome.EXPORTED,
                scope.describe(),
                settings.fonds(),
                null,
                numbers.size(),
                summary.payloadOxum(),
                summary.tagManifestSha256(),
                actor,
                Instant.now(),
                String.join(" ", numbers)));
        auditTrail.record(actor, AuditAction.TRANSFER_EXPORTED, packageId, detail);
        return new TransferReport(
                packageId,
                "EXPORTED",
                settings.fonds(),
                null,
                numbers.size(),
                0,
                0,
                numbers,
                List.of(),
                summary.payloadOxum(),
                summary.tagManifestSha256());
    }

    private record CaseInfo(String caseNumber, String name, Instant decidedAt, RecordDescription.Check check) {}

    private CaseInfo caseInfo(long caseId) {
        BusinessCase c = cases.findById(caseId).orElseThrow();
        RecordDescription.Check check = checker.reports(caseId).stream()
                .findFirst()
                .map(p -> {
                    var view = FourPropertyCheck.view(p, c.caseNumber());
                    return new RecordDescription.Check(
                            view.occasion(),
                            view.checkedAt(),
                            view.passed(),
                            view.items().stream()
                                    .map(i -> new RecordDescription.CheckItem(
                                            i.property(), i.subject(), i.check(), i.passed(), i.detail()))
                                    .toList());
                })
                .orElse(null);
        return new CaseInfo(c.caseNumber(), c.applicant().name(), c.decidedAt(), check);
    }

    private void writeRecord(BagWriter bag, ArchiveRecord r, CaseInfo c, String office)
            throws IOException, StorageException, EarchiveException {
        CaseDocument d = documents.find(r.documentId()).orElseThrow();
        String dir = "records/" + r.archiveNumber() + "/";
        String fileName = "content" + extension(d.contentType());
        FixityDigest.Result written;
        try (InputStream in = store.get(r.objectKey())) {
            written = bag.addPayload(dir + fileName, in);
        }
        if (!written.sha256Hex().equals(r.sha256()) || !written.sm3Hex().equals(r.sm3())) {
            throw new StorageException(
                    "the content of " + r.archiveNumber() + " does not match its recorded digests", null);
        }
        List<RecordDescription.Event> events =
                audit.about(List.of(c.caseNumber(), r.archiveNumber(), "doc:" + d.id()), AUDIT_EXCERPT).stream()
                        .map(DefaultTransferService::event)
                        .toList();
        boolean received = r.sourceOffice() != null;
        RecordDescription description = new RecordDescription(
                r.archiveNumber(),
                office,
                r.year(),
                r.category(),
                r.retention().name(),
                r.retainUntil(),
                clip(r.title(), 1000),
                r.businessType(),
                r.materialCode(),
                d.role(),
                c.caseNumber(),
                r.citizenId(),
                c.name(),
                c.decidedAt(),
                r.archivedAt(),
                r.archivedBy(),
                r.legalHold(),
                r.restricted(),
                new RecordDescription.FileRef(fileName, d.contentType(), r.sizeBytes(), r.sha256(), r.sm3()),
                c.check(),
                new RecordDescription.Provenance(
                        office, received ? r.sourceOffice() : null, received ? r.sourceArchiveNumber() : null),
                events);
        byte[] xml = RecordXml.write(description);
        List<String> invalid = RecordXml.validate(xml);
        if (!invalid.isEmpty()) {
            throw new IllegalStateException(
                    "The description of " + r.archiveNumber() + " does not match earchive-record-1.0.xsd: " + invalid);
        }
        bag.addPayload(dir + "record.xml", xml);
    }

    private static RecordDescription.Event event(AuditEvent e) {
        return new RecordDescription.Event(
                e.seq(), e.occurredAt(), e.actor(), e.action().name(), e.hash(), e.detail());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String extension(String contentType) {
        String t = contentType == null
                ? ""
                : contentType.toLowerCase().split(";")[0].strip();
        return switch (t) {
            case "application/pdf" -> ".pdf";
            case "image/tiff", "image/tif" -> ".tif";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/jp2" -> ".jp2";
            default -> ".bin";
        };
    }

    /** Pages of the scope's records; a dossier or a person is one page, a period is read {@value #PAGE} at a time. */
    private interface Cursor {
        List<ArchiveRecord> next();
    }

    private Cursor cursor(TransferScope scope) throws EarchiveException {
        switch (scope.kind()) {
            case DOSSIER -> {
                BusinessCase c =
                        cases.find(scope.caseNumber()).orElseThrow(() -> Failures.caseNotFound(scope.caseNumber()));
                return once(archive.byCase(c.id()));
            }
            case PERSON -> {
                if (!CitizenId.isValid(scope.citizenId())) {
                    throw new EarchiveException(ErrorCode.INVALID_CITIZEN_ID, "身份证号码无效。The citizen ID is not valid.");
                }
                return once(archive.byCitizen(scope.citizenId()));
            }
            default -> {
                if (scope.from() == null || scope.to() == null || !scope.from().isBefore(scope.to())) {
                    throw new EarchiveException(
                            ErrorCode.INVALID_REQUEST,
                            "请给出起止时间（from 早于 to）。A period needs from and to, from before to.");
                }
                long[] after = {0};
                return () -> {
                    List<ArchiveRecord> page = archive.archivedBetween(scope.from(), scope.to(), after[0], PAGE);
                    if (!page.isEmpty()) {
                        after[0] = page.get(page.size() - 1).id();
                    }
                    return page;
                };
            }
        }
    }

    private static Cursor once(List<ArchiveRecord> records) {
        boolean[] done = {false};
        return () -> {
            if (done[0]) {
                return List.of();
            }
            done[0] = true;
            return records;
        };
    }

    // ---------------------------------------------------------------------------------------------------------- import

    @Override
    @RolesAllowed({Roles.ARCHIVIST, Roles.ADMIN})
    public TransferReport verify(Path packageFile) throws EarchiveException {
        try (Checked checked = check(packageFile)) {
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
                EarchiveSettings.current().fonds(),
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
        EarchiveSettings settings = EarchiveSettings.current();
        String fonds = intoFonds == null || intoFonds.isBlank() ? settings.fonds() : intoFonds.strip();
        if (!fonds.matches("[A-Z0-9]{1,16}")) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "全宗号应为 1–16 位大写字母或数字。A fonds code is 1 to 16 capitals or digits.");
        }
        synchronized (
                DefaultTransferService
                        .class) { // one import at a time per server; the unique source index guards a cluster
            try (Checked checked = check(packageFile)) {
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
                for (Received r : checked.records) {
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
                        numbering.ensureSeries(org.earchive.archive.domain.model.record.ArchiveNumber.seriesKey(
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
                    checker.save(
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

    private TransferEntry entry(Checked c, TransferEntry.Outcome outcome, String fonds, String actor, String report) {
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
                    .map(r -> DefaultArchiveService.entry(r, c, texts.of(r.documentId())))
                    .toList());
        } catch (IOException | RuntimeException e) {
            LOG.warning("Received records imported but not indexed (reindex rebuilds it): " + e.getMessage());
        }
    }

    /** One record of the package as verified. */
    private record Received(String path, RecordDescription description) {}

    /** A package after every check: the open bag, its records, the problems found and the receipt's check items. */
    private final class Checked implements AutoCloseable {
        final BagReader bag;
        final List<String> problems = new ArrayList<>();
        final List<Received> records = new ArrayList<>();
        final Map<String, List<Item>> receipt = new LinkedHashMap<>();

        Checked(BagReader bag) {
            this.bag = bag;
            problems.addAll(bag.problems());
        }

        String packageId() {
            return Optional.ofNullable(bag.bagInfo().get("External-Identifier")).orElse(bag.bagName());
        }

        String sourceOffice() {
            return bag.bagInfo().get("Source-Organization");
        }

        TransferReport report(String outcome, String target, int imported, int held, List<String> numbers) {
            return new TransferReport(
                    packageId(),
                    outcome,
                    sourceOffice(),
                    target,
                    records.size(),
                    imported,
                    held,
                    numbers,
                    List.copyOf(problems),
                    bag.bagInfo().get("Payload-Oxum"),
                    bag.tagManifestSha256());
        }

        @Override
        public void close() {
            try {
                bag.close();
            } catch (IOException e) {
                // read-only; nothing to lose
            }
        }
    }

    private Checked check(Path packageFile) throws EarchiveException {
        BagReader bag;
        try {
            bag = BagReader.verify(packageFile, 64L * 1024 * 1024 * 1024);
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.PACKAGE_REJECTED,
                    "这不是可读的移交包（zip）。The file is not a readable transfer package (a zipped BagIt bag): "
                            + e.getMessage(),
                    e);
        }
        Checked c = new Checked(bag);
        if (c.sourceOffice() == null || !c.sourceOffice().matches("[A-Z0-9]{1,16}")) {
            c.problems.add("bag-info.txt names no Source-Organization (the sending office's fonds code)");
        }
        if (!bag.problems().isEmpty()) {
            return c; // digests or completeness failed: the descriptions cannot be trusted, nothing more to read
        }
        Map<String, List<String>> byDir = new LinkedHashMap<>();
        for (String path : bag.payloadPaths()) {
            String[] parts = path.split("/");
            if (parts.length != 3 || !parts[0].equals("records")) {
                c.problems.add("data/" + path + " belongs to no record (records/<archive number>/…)");
                continue;
            }
            byDir.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
        }
        Map<String, FixityDigest.Result> digests = bag.payload();
        for (Map.Entry<String, List<String>> dir : byDir.entrySet()) {
            String base = "records/" + dir.getKey() + "/";
            if (!dir.getValue().contains("record.xml")) {
                c.problems.add("data/" + base + " has no record.xml");
                continue;
            }
            byte[] xml;
            try (InputStream in = bag.open(base + "record.xml")) {
                xml = in.readNBytes(8 * 1024 * 1024);
            } catch (IOException e) {
                c.problems.add("data/" + base + "record.xml cannot be read: " + e.getMessage());
                continue;
            }
            List<String> invalid = RecordXml.validate(xml);
            if (!invalid.isEmpty()) {
                invalid.stream()
                        .limit(5)
                        .forEach(p -> c.problems.add(
                                "data/" + base + "record.xml is not valid against earchive-record-1.0.xsd: " + p));
                continue;
            }
            RecordDescription d = RecordXml.read(xml);
            String where = "data/" + base;
            if (!d.archiveNumber().equals(dir.getKey())) {
                c.problems.add(where + "record.xml describes " + d.archiveNumber() + ", not " + dir.getKey());
            }
            if (dir.getValue().size() != 2 || !dir.getValue().contains(d.file().name())) {
                c.problems.add(
                        where + " should hold record.xml and " + d.file().name() + "; it holds " + dir.getValue());
                continue;
            }
            FixityDigest.Result actual = digests.get(base + d.file().name());
            if (actual.length() != d.file().size()) {
                c.problems.add(where + d.file().name() + " is " + actual.length() + " bytes, its description says "
                        + d.file().size());
            }
            if (!actual.sha256Hex().equals(d.file().sha256())) {
                c.problems.add(where + d.file().name() + " has SHA-256 " + actual.sha256Hex()
                        + ", its description says " + d.file().sha256());
            }
            if (!actual.sm3Hex().equals(d.file().sm3())) {
                c.problems.add(where + d.file().name() + " has SM3 " + actual.sm3Hex() + ", its description says "
                        + d.file().sm3());
            }
            if (!CitizenId.isValid(d.citizenId())) {
                c.problems.add(where + "record.xml: the applicant's citizen ID fails its check digit");
            }
            if (catalogue.find(d.businessType()).isEmpty()) {
                c.problems.add(
                        where + "record.xml: business type " + d.businessType() + " is not in this office's catalogue");
            }
            if (d.check() != null && !d.check().passed()) {
                c.problems.add(where + "record.xml: the sending office's four-property check of the dossier failed");
            }
            List<Item> items = receiptCheck(bag, base + d.file().name(), d);
            items.stream()
                    .filter(i -> !i.passed())
                    .forEach(i -> c.problems.add(where + d.file().name() + ": four-property check on receipt failed, "
                            + i.check() + ": " + i.detail()));
            items = new ArrayList<>(items);
            items.add(
                    0,
                    new Item(
                            "AUTHENTICITY",
                            d.archiveNumber(),
                            "digests",
                            true,
                            "SHA-256 and SM3 recomputed on receipt and equal to the package's"));
            c.receipt.put(d.archiveNumber(), items);
            c.records.add(
                    new Received(base + d.file().name(), d.withoutAudit())); // bounded: 10,000 records held lightly
        }
        if (c.records.isEmpty() && c.problems.isEmpty()) {
            c.problems.add("the package holds no records");
        }
        return c;
    }

    private List<Item> receiptCheck(BagReader bag, String path, RecordDescription d) {
        Path copy = null;
        try {
            Path spool = EarchiveSettings.current().spoolDirectory();
            copy = Files.createTempFile(
                    Files.isDirectory(spool) ? spool : Path.of(System.getProperty("java.io.tmpdir")),
                    "receipt-",
                    ".bin");
            try (InputStream in = bag.open(path)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return checker.receipt(d.archiveNumber(), d.file().mediaType(), d.role(), copy);
        } catch (IOException e) {
            return List.of(
                    new Item("USABILITY", d.archiveNumber(), "readable", false, "cannot be read: " + e.getMessage()));
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // temporary
                }
            }
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
