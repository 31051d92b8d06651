package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.earchive.archive.application.dto.PropertyCheckView;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.check.PropertyCheckRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.record.ArchiveNumber;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.service.PageRenderer;
import org.earchive.archive.domain.service.PdfAValidator;
import org.earchive.archive.domain.service.VirusScanner;
import org.earchive.pdfa.ValidationReport;
import org.earchive.storage.ObjectNotFoundException;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.digest.FixityDigest;

/**
 * The DA/T 70 four-property check (四性检测) over one dossier. Every item is recorded, passed or not, so a report says
 * exactly what was checked and what failed. Content checks read each object from the store; they run outside any
 * transaction, and a report is saved in its own.
 */
@Stateless
public class FourPropertyCheck {
    /** The failed PDF/A rules a report names (the rest are counted in the stored report). */
    private static final int MAX_PDFA_PROBLEMS = 5;

    static final String AUTHENTICITY = "AUTHENTICITY";
    static final String INTEGRITY = "INTEGRITY";
    static final String USABILITY = "USABILITY";
    static final String SECURITY = "SECURITY";
    /** Formats kept for the long term (DA/T 31, DA/T 70): PDF/A (checked by veraPDF), TIFF, JPEG, JPEG 2000. */
    static final Set<String> ARCHIVAL_IMAGES = Set.of("image/tiff", "image/jpeg", "image/jp2");

    @Inject
    ObjectStore store;

    @Inject
    PdfAValidator pdfa;

    @Inject
    VirusScanner scanner;

    @Inject
    PageRenderer renderer;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    DocumentRepository documents;

    @Inject
    ArchiveRepository archive;

    @Inject
    PropertyCheckRepository checks;

    @Inject
    org.earchive.archive.domain.model.audit.AuditRepository auditEvents;

    /**
     * Checks the dossier of {@code c}. With {@code records} (after numbering) the archive numbers, their series and the
     * objects' retention are checked too.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Item> check(BusinessCase c, List<ArchiveRecord> records) {
        return check(c, records, true);
    }

    /** Only what numbering adds: the records' metadata, their series and their retention in the store. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Item> recordChecks(BusinessCase c, List<ArchiveRecord> records) {
        return check(c, records, false);
    }

    private List<Item> check(BusinessCase c, List<ArchiveRecord> records, boolean content) {
        List<Item> items = new ArrayList<>();
        Optional<BusinessType> type = catalogue.find(c.businessType());
        List<CaseDocument> docs = documents.findByCase(c.id());
        Map<Long, ArchiveRecord> byDocument =
                records.stream().collect(Collectors.toMap(ArchiveRecord::documentId, r -> r, (a, b) -> a));
        if (content) {
            caseItems(c, type, docs, items);
        }
        for (CaseDocument d : docs) {
            ArchiveRecord r = byDocument.get(d.id());
            String subject = r != null ? r.archiveNumber() : "doc:" + d.id() + " " + d.fileName();
            if (d.disposedAt() != null && content) {
                items.add(new Item(
                        INTEGRITY,
                        subject,
                        "content",
                        true,
                        "destroyed under disposal list " + (r == null ? "" : r.disposalListId()) + " on "
                                + d.disposedAt() + "; the metadata is kept"));
                continue;
            }
            if (content) {
                documentItems(c, type, d, subject, items);
            }
            if (r != null) {
                recordItems(c, d, r, items);
            }
        }
        if (!records.isEmpty()) {
            seriesItems(records, items);
        }
        return items;
    }

    private void caseItems(BusinessCase c, Optional<BusinessType> type, List<CaseDocument> docs, List<Item> items) {
        String subject = c.caseNumber();
        List<String> missingFields = new ArrayList<>();
        if (c.applicant() == null || blank(c.applicant().name())) {
            missingFields.add("applicant name");
        }
        if (c.applicant() == null || !CitizenId.isValid(c.applicant().idNumber())) {
            missingFields.add("citizen ID (18 characters with a valid check digit)");
        }
        if (type.isEmpty()) {
            missingFields.add("business type " + c.businessType() + " (not in the catalogue)");
        }
        if (c.decidedAt() == null || blank(c.decidedBy())) {
            missingFields.add("decision (who and when)");
        }
        items.add(new Item(
                INTEGRITY,
                subject,
                "metadata",
                missingFields.isEmpty(),
                missingFields.isEmpty()
                        ? "case number, applicant, citizen ID, business type, decision present"
                        : "missing or invalid: " + String.join(", ", missingFields)));
        if (c.channel() == org.earchive.archive.domain.model.cases.Channel.TRANSFER) {
            items.add(
                    new Item(
                            INTEGRITY,
                            subject,
                            "required-materials",
                            true,
                            "received dossier: the records the sending office transferred, complete as its package's manifest says"));
        } else if (type.isPresent()) {
            Set<String> present = docs.stream().map(CaseDocument::materialCode).collect(Collectors.toSet());
            List<String> missing = type.get().materials().stream()
                    .filter(MaterialRequirement::required)
                    .filter(m -> !present.contains(m.code()))
                    .map(m -> m.code() + " " + m.nameZh())
                    .toList();
            items.add(new Item(
                    INTEGRITY,
                    subject,
                    "required-materials",
                    missing.isEmpty(),
                    missing.isEmpty()
                            ? "every required material of " + c.businessType() + " is present"
                            : "required material missing: " + String.join(", ", missing)));
        }
        items.add(new Item(
                INTEGRITY,
                subject,
                "documents",
                !docs.isEmpty(),
                docs.isEmpty() ? "the case has no documents" : docs.size() + " documents"));
        logged(c, docs, items);
    }

    /** Security: the steps that formed the dossier are in the audit trail (opened, each upload, decided). */
    private void logged(BusinessCase c, List<CaseDocument> docs, List<Item> items) {
        List<String> targets = new ArrayList<>();
        targets.add(c.caseNumber());
        docs.forEach(d -> targets.add("doc:" + d.id()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i += 500) {
            seen.addAll(auditEvents.actionsAbout(targets.subList(i, Math.min(targets.size(), i + 500))));
        }
        List<String> missing = new ArrayList<>();
        if (c.channel() == org.earchive.archive.domain.model.cases.Channel.TRANSFER) {
            boolean received = seen.contains(c.caseNumber() + "|" + AuditAction.TRANSFER_IMPORTED);
            items.add(new Item(
                    SECURITY,
                    c.caseNumber(),
                    "process-logged",
                    received,
                    received
                            ? "the receipt of the dossier and its verification are in the audit trail"
                            : "not in the audit trail: the receipt of the dossier"));
            return;
        }
        if (!seen.contains(c.caseNumber() + "|" + AuditAction.CASE_OPENED)) {
            missing.add("case opened");
        }
        if (!seen.contains(c.caseNumber() + "|" + AuditAction.CASE_DECIDED)) {
            missing.add("decision");
        }
        for (CaseDocument d : docs) {
            if (!seen.contains("doc:" + d.id() + "|" + AuditAction.DOCUMENT_UPLOADED)) {
                missing.add("upload of doc:" + d.id());
            }
        }
        items.add(new Item(
                SECURITY,
                c.caseNumber(),
                "process-logged",
                missing.isEmpty(),
                missing.isEmpty()
                        ? "opening, " + docs.size() + " uploads and the decision are in the audit trail"
                        : "not in the audit trail: " + String.join(", ", missing)));
    }

    private void documentItems(
            BusinessCase c, Optional<BusinessType> type, CaseDocument d, String subject, List<Item> items) {
        // authenticity: metadata values
        List<String> bad = new ArrayList<>();
        if (blank(d.fileName()) || d.fileName().length() > 255) {
            bad.add("file name empty or longer than 255");
        }
        if (type.isPresent() && type.get().material(d.materialCode()).isEmpty()) {
            bad.add("material " + d.materialCode() + " is not in the catalogue of " + c.businessType());
        }
        if (d.sizeBytes() <= 0) {
            bad.add("size " + d.sizeBytes());
        }
        if (d.sha256() == null
                || !d.sha256().matches("[0-9a-f]{64}")
                || d.sm3() == null
                || !d.sm3().matches("[0-9a-f]{64}")) {
            bad.add("digests not 64 hex characters");
        }
        if (d.uploadedAt() == null
                || d.uploadedAt().isAfter(Instant.now())
                || d.uploadedAt().isBefore(c.acceptedAt().minusSeconds(86_400))) {
            bad.add("upload time " + d.uploadedAt() + " outside the case's life");
        }
        items.add(new Item(
                AUTHENTICITY,
                subject,
                "metadata",
                bad.isEmpty(),
                bad.isEmpty() ? "name, material, size, digests and time are well-formed" : String.join("; ", bad)));
        String key = StoredObject.keyFor(d.sha256());
        items.add(new Item(
                AUTHENTICITY,
                subject,
                "location",
                key.equals(d.objectKey()),
                key.equals(d.objectKey())
                        ? "stored at " + key
                        : "the metadata names " + d.objectKey() + ", the content is " + key));

        // one read from the store: both digests, the size and the first bytes, and a local copy that the format, PDF/A,
        // rendering and virus checks read instead of fetching (and decrypting) the object again
        Read read;
        try {
            read = read(d.objectKey());
        } catch (ObjectNotFoundException e) {
            items.add(new Item(
                    INTEGRITY,
                    subject,
                    "content",
                    false,
                    "the object " + d.objectKey() + " is missing from the store"));
            return;
        } catch (StorageException | IOException e) {
            items.add(new Item(
                    AUTHENTICITY, subject, "digests", false, "the object could not be read whole: " + e.getMessage()));
            return;
        }
        items.add(new Item(
                INTEGRITY,
                subject,
                "content",
                read.size == d.sizeBytes(),
                read.size == d.sizeBytes()
                        ? read.size + " bytes, complete"
                        : read.size + " bytes read, " + d.sizeBytes() + " recorded"));
        boolean digests = read.sha256.equals(d.sha256()) && read.sm3.equals(d.sm3());
        items.add(new Item(
                AUTHENTICITY,
                subject,
                "digests",
                digests,
                digests
                        ? "SHA-256 and SM3 recomputed and equal to the recorded ones"
                        : "recomputed SHA-256 " + read.sha256 + " / SM3 " + read.sm3
                                + " differ from the recorded ones"));
        try {
            if (digests) { // altered content: nothing else about it can be trusted
                contentItems(d, subject, read, items);
            }
        } finally {
            try {
                Files.deleteIfExists(read.copy());
            } catch (IOException e) {
                // a temporary file; the system's temp cleaner removes it
            }
        }
    }

    /**
     * The checks on receipt of one file of a transfer package (already copied to {@code file}): its real format against
     * the declared one, PDF/A by veraPDF or an archival image format, every page renders, no virus.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Item> receipt(String subject, String contentType, String role, Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        List<Item> items = new ArrayList<>();
        contentItems(contentType, role, subject, new Read(Files.size(file), null, null, head, file), items);
        return items;
    }

    private void contentItems(CaseDocument d, String subject, Read read, List<Item> items) {
        contentItems(d.contentType(), d.role(), subject, read, items);
    }

    private void contentItems(String contentType, String role, String subject, Read read, List<Item> items) {
        String format = sniff(read.head);
        String declared = contentType == null
                ? ""
                : contentType.toLowerCase().split(";")[0].strip();
        boolean formatMatches =
                format.equals(declared) || (format.equals("image/tiff") && declared.equals("image/tif"));
        items.add(new Item(
                AUTHENTICITY,
                subject,
                "format",
                formatMatches,
                formatMatches
                        ? "the content is " + format + " as recorded"
                        : "recorded as " + declared + ", the content is " + format));

        // usability
        if (format.equals("application/pdf")) {
            ValidationReport result = withCopy(
                    read,
                    pdfa::validate,
                    new ValidationReport(
                            "", false, List.of(new ValidationReport.Violation("parse", "", "unreadable", null, 1))));
            items.add(new Item(
                    USABILITY,
                    subject,
                    "pdfa",
                    result.compliant(),
                    result.compliant()
                            ? "PDF/A-" + result.flavour() + " (veraPDF)"
                            : (result.flavour().isEmpty()
                                            ? ""
                                            : "PDF/A-" + result.flavour() + " declared but invalid: ")
                                    + result.summary(MAX_PDFA_PROBLEMS)));
        } else {
            boolean archival = ARCHIVAL_IMAGES.contains(format);
            boolean original = CaseDocument.ORIGINAL.equals(role);
            items.add(new Item(
                    USABILITY,
                    subject,
                    "archival-format",
                    archival || original,
                    archival
                            ? format + " is an archival image format"
                            : original
                                    ? "original scan kept as received (" + format
                                            + "); its archival rendition is the PDF/A"
                                    : format + " is not an archival format (PDF/A, OFD, TIFF, JPEG, JPEG 2000)"));
        }
        int pages = 0;
        String problem = "no page";
        try (InputStream in = Files.newInputStream(read.copy())) {
            pages = renderer.renders(in, format);
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        items.add(new Item(
                USABILITY,
                subject,
                "renders",
                pages > 0,
                pages > 0 ? pages + " page(s) open and render" : "does not render: " + problem));

        // security
        VirusScanner.Verdict verdict =
                withCopy(read, scanner::scan, new VirusScanner.Verdict(VirusScanner.Outcome.UNAVAILABLE, "unreadable"));
        boolean clean = verdict.outcome() == VirusScanner.Outcome.CLEAN
                || verdict.outcome() == VirusScanner.Outcome.NOT_INSTALLED;
        items.add(new Item(
                SECURITY,
                subject,
                "virus-scan",
                clean,
                switch (verdict.outcome()) {
                    case CLEAN -> "no virus found (" + scanner.describe() + ")";
                    case INFECTED -> "virus found: " + verdict.detail();
                    case NOT_INSTALLED -> "not scanned: " + verdict.detail();
                    case UNAVAILABLE -> "the scan could not run: " + verdict.detail();
                }));
    }

    private void recordItems(BusinessCase c, CaseDocument d, ArchiveRecord r, List<Item> items) {
        List<String> bad = new ArrayList<>();
        if (!ArchiveNumber.wellFormed(r.archiveNumber())) {
            bad.add("archive number " + r.archiveNumber() + " is malformed");
        } else if (!r.archiveNumber().equals(r.seriesKey() + "-" + String.format("%06d", r.itemNo()))) {
            bad.add("archive number does not match its series and item " + r.seriesKey() + "/" + r.itemNo());
        }
        if (!r.sha256().equals(d.sha256()) || !r.sm3().equals(d.sm3()) || r.sizeBytes() != d.sizeBytes()) {
            bad.add("the record's digests or size differ from its document's");
        }
        if (!r.objectKey().equals(d.objectKey())) {
            bad.add("the record names " + r.objectKey() + ", its document " + d.objectKey());
        }
        if (!r.citizenId().equals(c.applicant().idNumber()) || !r.businessType().equals(c.businessType())) {
            bad.add("citizen ID or business type differ from the case's");
        }
        if (r.archivedAt().isBefore(d.uploadedAt())) {
            bad.add("archived before it was uploaded");
        }
        items.add(new Item(
                AUTHENTICITY,
                r.archiveNumber(),
                "record-metadata",
                bad.isEmpty(),
                bad.isEmpty()
                        ? "archive number well-formed; digests, object, person and dates agree with the capture"
                        : String.join("; ", bad)));
        if (d.disposedAt() != null) {
            return;
        }
        try {
            Protection p = store.protection(r.objectKey());
            Instant needed = (r.retainUntil() == null ? DefaultArchiveService.PERMANENT_UNTIL : r.retainUntil())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            boolean retained = p.retainUntil().map(u -> !u.isBefore(needed)).orElse(false);
            items.add(new Item(
                    SECURITY,
                    r.archiveNumber(),
                    "retention",
                    retained,
                    retained
                            ? "write-once until " + p.retainUntil().get() + (p.legalHold() ? ", legal hold" : "")
                            : "the object is not retained until " + needed + " ("
                                    + p.retainUntil().map(Object::toString).orElse("no retention") + ")"));
        } catch (StorageException e) {
            items.add(new Item(
                    SECURITY, r.archiveNumber(), "retention", false, "the store could not say: " + e.getMessage()));
        }
    }

    /** Integrity: each series the dossier is numbered in runs 1..n without a gap or a repeat. */
    private void seriesItems(List<ArchiveRecord> records, List<Item> items) {
        Set<String> series = new java.util.TreeSet<>();
        records.forEach(r -> series.add(r.seriesKey()));
        for (String key : series) {
            List<Long> numbers = archive.items(key);
            List<Long> gaps = new ArrayList<>();
            long expected = 1;
            for (long n : numbers) {
                while (expected < n && gaps.size() < 10) {
                    gaps.add(expected++);
                }
                expected = Math.max(expected, n + 1);
            }
            boolean repeated = new HashSet<>(numbers).size() != numbers.size();
            boolean ok = gaps.isEmpty() && !repeated;
            items.add(new Item(
                    INTEGRITY,
                    key,
                    "series-continuity",
                    ok,
                    ok
                            ? numbers.size() + " items numbered 1.." + numbers.size() + " without a gap"
                            : (gaps.isEmpty() ? "" : "missing item numbers " + gaps)
                                    + (repeated ? " repeated item numbers" : "")));
        }
    }

    /** Saves a report in its own transaction and returns it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PropertyCheckView save(BusinessCase c, PropertyCheck.Occasion occasion, String actor, List<Item> items) {
        boolean passed = items.stream().allMatch(Item::passed);
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Item i : items) {
            array.add(Json.createObjectBuilder()
                    .add("property", i.property())
                    .add("subject", i.subject())
                    .add("check", i.check())
                    .add("passed", i.passed())
                    .add("detail", i.detail() == null ? "" : i.detail()));
        }
        PropertyCheck check = new PropertyCheck(
                c.id(), occasion, Instant.now(), actor, passed, array.build().toString());
        checks.store(check);
        return view(check, c.caseNumber());
    }

    /** The stored reports of a case, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PropertyCheck> reports(long caseId) {
        return checks.byCase(caseId);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PropertyCheck> report(long id) {
        return checks.find(id);
    }

    static PropertyCheckView view(PropertyCheck p, String caseNumber) {
        List<Item> items = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(p.items()))) {
            for (JsonObject o : reader.readArray().getValuesAs(JsonObject.class)) {
                items.add(new Item(
                        o.getString("property"),
                        o.getString("subject"),
                        o.getString("check"),
                        o.getBoolean("passed"),
                        o.getString("detail", "")));
            }
        }
        return new PropertyCheckView(p.id(), caseNumber, p.occasion(), p.checkedAt(), p.checkedBy(), p.passed(), items);
    }

    /** The failed items in words, for an error message. */
    static String summary(List<Item> items) {
        Map<String, List<String>> byProperty = new TreeMap<>();
        for (Item i : items) {
            if (!i.passed()) {
                byProperty
                        .computeIfAbsent(i.property(), k -> new ArrayList<>())
                        .add(i.subject() + " " + i.check() + ": " + i.detail());
            }
        }
        return byProperty.entrySet().stream()
                .map(e -> e.getKey() + " — " + String.join("; ", e.getValue()))
                .collect(Collectors.joining(" | "));
    }

    /** What one read of an object found, and where its bytes were copied. */
    private record Read(long size, String sha256, String sm3, byte[] head, Path copy) {}

    private Read read(String key) throws StorageException, IOException {
        FixityDigest digest = new FixityDigest();
        byte[] head = new byte[16];
        int headLength = 0;
        long size = 0;
        Path copy = Files.createTempFile("earchive-check", ".bin");
        try (InputStream in = store.get(key);
                OutputStream out = Files.newOutputStream(copy)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
        } catch (StorageException | IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        FixityDigest.Result digests = digest.finish();
        return new Read(size, digests.sha256Hex(), digests.sm3Hex(), java.util.Arrays.copyOf(head, headLength), copy);
    }

    private static <T> T withCopy(Read read, java.util.function.Function<InputStream, T> use, T onFailure) {
        try (InputStream in = Files.newInputStream(read.copy())) {
            return use.apply(in);
        } catch (IOException e) {
            return onFailure;
        }
    }

    /** The real format from the first bytes. */
    static String sniff(byte[] head) {
        if (starts(head, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (starts(head, new byte[] {'I', 'I', 42, 0}) || starts(head, new byte[] {'M', 'M', 0, 42})) {
            return "image/tiff";
        }
        if (starts(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (starts(head, new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' '})
                || starts(head, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51})) {
            return "image/jp2";
        }
        if (starts(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    private static boolean starts(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
