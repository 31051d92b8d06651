package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.TransferReport;
import org.earchive.archive.application.dto.TransferScope;
import org.earchive.archive.application.port.TransferPackages;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.audit.AuditEvent;
import org.earchive.archive.domain.model.audit.AuditRepository;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.transfer.RecordDescription;
import org.earchive.archive.domain.model.transfer.TransferEntry;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.digest.FixityDigest;

/**
 * Writes a transfer package. Pages through the records (bounded memory whatever their number), copies each object from
 * the store once (its fixity checked on the way) and describes every record with schema-valid XML.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TransferExport {
    private static final int AUDIT_EXCERPT = 50;

    @Inject
    Settings settings;

    @EJB
    TransferImport importer;

    @EJB
    CheckReports reports;

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
    TransferPackages packages;

    @Resource
    SessionContext context;

    public TransferReport export(TransferScope scope, OutputStream out) throws EarchiveException {
        String actor = context.getCallerPrincipal().getName();
        String packageId = settings.fonds() + "-" + LocalDate.now(settings.zone()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        List<String> numbers = new ArrayList<>();
        TransferPackages.Summary summary;
        try (TransferPackages.PackageWriter bag = packages.write(out, packageId)) {
            writeRecords(bag, ScopeCursor.of(scope, archive, cases), numbers);
            if (numbers.isEmpty()) {
                throw new EarchiveException(
                        ErrorCode.RECORD_NOT_FOUND,
                        "所选范围内没有可移交的档案。There are no records to transfer in " + scope.describe() + ".");
            }
            summary = bag.finish(bagInfo(packageId, scope, numbers.size()));
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
        registerExport(packageId, scope, numbers, summary, actor);
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

    /** Pages through the records in scope (bounded memory), writing each one not destroyed into the bag. */
    private void writeRecords(TransferPackages.PackageWriter bag, ScopeCursor cursor, List<String> numbers)
            throws IOException, StorageException, EarchiveException {
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
    }

    private Map<String, String> bagInfo(String packageId, TransferScope scope, int records) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Source-Organization", settings.fonds());
        info.put("External-Identifier", packageId);
        info.put(
                "External-Description", "earchive transfer package: " + scope.describe() + ", " + records + " records");
        info.put("Bag-Software-Agent", "earchive (earchive-record-1.0.xsd)");
        return info;
    }

    private void registerExport(
            String packageId,
            TransferScope scope,
            List<String> numbers,
            TransferPackages.Summary summary,
            String actor) {
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
    }

    private record CaseInfo(String caseNumber, String name, Instant decidedAt, RecordDescription.Check check) {}

    private CaseInfo caseInfo(long caseId) {
        BusinessCase c = cases.findById(caseId).orElseThrow();
        RecordDescription.Check check = reports.reports(caseId).stream()
                .findFirst()
                .map(p -> {
                    var view = CheckReports.view(p, c.caseNumber());
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

    private void writeRecord(TransferPackages.PackageWriter bag, ArchiveRecord r, CaseInfo c, String office)
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
                        .map(TransferExport::event)
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
        bag.addPayload(dir + "record.xml", packages.describe(description));
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
}
