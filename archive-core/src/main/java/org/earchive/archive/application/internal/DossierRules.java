package org.earchive.archive.application.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.audit.AuditRepository;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.Channel;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.earchive.archive.domain.model.check.CheckCode;
import org.earchive.archive.domain.model.check.Property;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.identity.CitizenId;
import org.earchive.archive.domain.model.record.ArchiveNumber;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;

/**
 * The four-property rules over a dossier's metadata: the case (required materials, documents, the process in the
 * audit trail), each record (its metadata, its retention in the store) and each series (numbered without a gap).
 */
@Dependent
public class DossierRules {

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    DocumentRepository documents;

    @Inject
    ArchiveRepository archive;

    @Inject
    ObjectStore store;

    @Inject
    AuditRepository auditEvents;

    void caseItems(BusinessCase c, Optional<BusinessType> type, List<CaseDocument> docs, List<Item> items) {
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
        items.add(CheckItems.item(
                Property.INTEGRITY,
                subject,
                CheckCode.METADATA,
                missingFields.isEmpty(),
                missingFields.isEmpty()
                        ? "case number, applicant, citizen ID, business type, decision present"
                        : "missing or invalid: " + String.join(", ", missingFields)));
        if (c.channel() == Channel.TRANSFER) {
            items.add(
                    CheckItems.item(
                            Property.INTEGRITY,
                            subject,
                            CheckCode.REQUIRED_MATERIALS,
                            true,
                            "received dossier: the records the sending office transferred, complete as its package's manifest says"));
        } else if (type.isPresent()) {
            Set<String> present = docs.stream().map(CaseDocument::materialCode).collect(Collectors.toSet());
            List<String> missing = type.get().materials().stream()
                    .filter(MaterialRequirement::required)
                    .filter(m -> !present.contains(m.code()))
                    .map(m -> m.code() + " " + m.nameZh())
                    .toList();
            items.add(CheckItems.item(
                    Property.INTEGRITY,
                    subject,
                    CheckCode.REQUIRED_MATERIALS,
                    missing.isEmpty(),
                    missing.isEmpty()
                            ? "every required material of " + c.businessType() + " is present"
                            : "required material missing: " + String.join(", ", missing)));
        }
        items.add(CheckItems.item(
                Property.INTEGRITY,
                subject,
                CheckCode.DOCUMENTS,
                !docs.isEmpty(),
                docs.isEmpty() ? "the case has no documents" : docs.size() + " documents"));
        logged(c, docs, items);
    }

    /** Security: the steps that formed the dossier are in the audit trail (opened, each upload, decided). */
    void logged(BusinessCase c, List<CaseDocument> docs, List<Item> items) {
        List<String> targets = new ArrayList<>();
        targets.add(c.caseNumber());
        docs.forEach(d -> targets.add("doc:" + d.id()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i += 500) {
            seen.addAll(auditEvents.actionsAbout(targets.subList(i, Math.min(targets.size(), i + 500))));
        }
        List<String> missing = new ArrayList<>();
        if (c.channel() == Channel.TRANSFER) {
            boolean received = seen.contains(c.caseNumber() + "|" + AuditAction.TRANSFER_IMPORTED);
            items.add(CheckItems.item(
                    Property.SECURITY,
                    c.caseNumber(),
                    CheckCode.PROCESS_LOGGED,
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
        items.add(CheckItems.item(
                Property.SECURITY,
                c.caseNumber(),
                CheckCode.PROCESS_LOGGED,
                missing.isEmpty(),
                missing.isEmpty()
                        ? "opening, " + docs.size() + " uploads and the decision are in the audit trail"
                        : "not in the audit trail: " + String.join(", ", missing)));
    }

    void recordItems(BusinessCase c, CaseDocument d, ArchiveRecord r, List<Item> items) {
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
        items.add(CheckItems.item(
                Property.AUTHENTICITY,
                r.archiveNumber(),
                CheckCode.RECORD_METADATA,
                bad.isEmpty(),
                bad.isEmpty()
                        ? "archive number well-formed; digests, object, person and dates agree with the capture"
                        : String.join("; ", bad)));
        if (d.disposedAt() != null) {
            return;
        }
        try {
            Protection p = store.protection(r.objectKey());
            boolean retained =
                    p.retainUntil().map(u -> RecordRetention.covers(u, r)).orElse(false);
            items.add(CheckItems.item(
                    Property.SECURITY,
                    r.archiveNumber(),
                    CheckCode.RETENTION,
                    retained,
                    retained
                            ? "write-once until " + p.retainUntil().get() + (p.legalHold() ? ", legal hold" : "")
                            : "the object is not retained to the end of " + RecordRetention.lastDay(r) + " ("
                                    + p.retainUntil().map(Object::toString).orElse("no retention") + ")"));
        } catch (StorageException e) {
            items.add(CheckItems.item(
                    Property.SECURITY,
                    r.archiveNumber(),
                    CheckCode.RETENTION,
                    false,
                    "the store could not say: " + e.getMessage()));
        }
    }

    /** Integrity: each series the dossier is numbered in runs 1..n without a gap or a repeat. */
    void seriesItems(List<ArchiveRecord> records, List<Item> items) {
        Set<String> series = new TreeSet<>();
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
            items.add(CheckItems.item(
                    Property.INTEGRITY,
                    key,
                    CheckCode.SERIES_CONTINUITY,
                    ok,
                    ok
                            ? numbers.size() + " items numbered 1.." + numbers.size() + " without a gap"
                            : (gaps.isEmpty() ? "" : "missing item numbers " + gaps)
                                    + (repeated ? " repeated item numbers" : "")));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
