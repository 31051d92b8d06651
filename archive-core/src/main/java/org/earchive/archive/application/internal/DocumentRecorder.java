package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.port.CaptureQueue;
import org.earchive.archive.application.port.ClusterCoordination;
import org.earchive.archive.application.port.FixityLedger;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * The short transactions around an upload: one to check the case before any byte is read, one to record the
 * document after the bytes are safely stored. Heavy I/O never runs inside a transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DocumentRecorder {
    @Inject
    CaseRepository cases;

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    DocumentRepository documents;

    @EJB
    AuditTrail audit;

    @EJB
    HallRule hall;

    @Inject
    ClusterCoordination coordination;

    @Inject
    ObjectStore objects;

    @Inject
    FixityLedger fixity;

    @Inject
    CaptureQueue captures;

    /** What an upload needs to know about its case. */
    public record Target(
            long caseId,
            String caseNumber,
            String citizenId,
            String applicantName,
            String businessType,
            boolean workSheet,
            boolean promised) {}

    /**
     * A document the back office produced for the case (a computation sheet, …): only the reviewer the case is assigned
     * to adds one, while it is being decided.
     */
    public Target checkWorkSheet(String caseNumber, String material, String reviewer) throws EarchiveException {
        BusinessCase c = find(caseNumber);
        if (material == null || !material.matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw new EarchiveException(
                    ErrorCode.UNKNOWN_MATERIAL, "Work sheet code " + material + " is not a material code.");
        }
        if (c.status() != CaseStatus.ASSIGNED || !reviewer.equals(c.assignedTo())) {
            throw new EarchiveException(
                    ErrorCode.NOT_ASSIGNED_TO_YOU,
                    "只有承办此案件的审核人员可以在审核中添加工作底稿。Only the reviewer case " + caseNumber
                            + " is assigned to adds work sheets, while deciding it (it is " + c.status() + ").");
        }
        return new Target(
                c.id(), c.caseNumber(), c.applicant().idNumber(), c.applicant().name(), c.businessType(), true, false);
    }

    public Target checkTarget(String caseNumber, String material) throws EarchiveException {
        BusinessCase c = find(caseNumber);
        hall.admit(c);
        BusinessType type = catalogue.find(c.businessType()).orElseThrow();
        if (material == null
                || material.isBlank()
                || type.material(material.trim()).isEmpty()) {
            throw new EarchiveException(
                    ErrorCode.UNKNOWN_MATERIAL,
                    "业务类型 "
                            + type.code()
                            + " 没有材料 "
                            + material
                            + "，请从材料清单中选择。Business type "
                            + type.code()
                            + " has no material '"
                            + material
                            + "': choose one from the checklist.");
        }
        if (!c.acceptsMaterials()) {
            if (!c.acceptsPromised()) {
                throw new EarchiveException(
                        ErrorCode.CASE_CLOSED_FOR_MATERIALS,
                        "案件 " + caseNumber + " 当前状态为 " + c.status() + "，不能再添加材料。Case " + caseNumber + " is "
                                + c.status() + " and takes no more materials.");
            }
            Set<String> promised = promised(c, type);
            if (!promised.contains(material.trim())) {
                throw new EarchiveException(
                        ErrorCode.MATERIAL_NOT_PROMISED,
                        "案件 " + caseNumber + " 已提交，只能补交承诺的材料 " + promised + "。Case " + caseNumber
                                + " has been submitted: it takes only the promised materials " + promised + ".");
            }
        }
        return new Target(
                c.id(),
                c.caseNumber(),
                c.applicant().idNumber(),
                c.applicant().name(),
                c.businessType(),
                false,
                c.acceptsPromised());
    }

    /**
     * The materials promised under 容缺受理 at the last submission: the required ones no document provided then. A
     * promised material's original and, later, its archival copy both count.
     */
    Set<String> promised(BusinessCase c, BusinessType type) {
        Set<String> before = documents.findByCase(c.id()).stream()
                .filter(d -> c.submittedAt() == null || !d.uploadedAt().isAfter(c.submittedAt()))
                .map(CaseDocument::materialCode)
                .collect(Collectors.toSet());
        return type.missingRequired(before);
    }

    /** An upload's case checked, and the document an earlier upload with the same key made, if any. */
    public record Checked(Target target, Optional<DocumentView> earlier) {}

    /**
     * {@link #checkTarget(String, String)} and {@link #replay(Target, String)} in one transaction: the first of an
     * upload's two (a counter's peak is mostly uploads, and each transaction costs the database a commit).
     */
    public Checked check(String caseNumber, String material, String uploadKey) throws EarchiveException {
        Target target = checkTarget(caseNumber, material);
        return new Checked(target, uploadKey == null ? Optional.empty() : replay(target, uploadKey));
    }

    /** The document an earlier upload with the same idempotency key made, if any. */
    public Optional<DocumentView> replay(Target target, String uploadKey) {
        return documents
                .findByUploadKey(target.caseId(), uploadKey)
                .map(d -> CaseAssembler.toView(d, target.caseNumber()).asReplay());
    }

    public DocumentView record(
            Target target,
            String material,
            String fileName,
            String contentType,
            StoredContent content,
            String uploader,
            String uploadKey,
            String role)
            throws EarchiveException {
        BusinessCase c = find(target.caseNumber());
        if (!target.workSheet() && !c.acceptsMaterials() && !c.acceptsPromised()) {
            throw new EarchiveException(
                    ErrorCode.CASE_CLOSED_FOR_MATERIALS,
                    "Case " + c.caseNumber() + " stopped taking materials during the upload.");
        }
        CaseDocument d = documents.store(
                new CaseDocument(c.id(), material.trim(), fileName, contentType, content, uploader, Instant.now())
                        .withUploadKey(uploadKey)
                        .withRole(role));
        fixity.enter(d.objectKey(), Instant.now().plus(FixitySlices.FIRST_CHECK));
        audit.record(
                uploader,
                AuditAction.DOCUMENT_UPLOADED,
                "doc:" + d.id(),
                c.caseNumber() + " " + d.materialCode() + " " + d.sizeBytes() + " bytes sha256=" + d.sha256());
        return CaseAssembler.toView(d, c.caseNumber());
    }

    /**
     * Takes a document back from a case that still takes materials (a wrong file, a capture that failed): its row,
     * text and capture job go, audited; the caller then removes the object unless another row refers to it.
     */
    public DocumentView remove(String caseNumber, long documentId, String actor, String reason)
            throws EarchiveException {
        BusinessCase c = find(caseNumber);
        hall.admit(c);
        CaseDocument d = documents
                .find(documentId)
                .filter(x -> x.caseId().equals(c.id()))
                .orElseThrow(() -> Failures.documentNotFound(documentId));
        boolean latePromised =
                c.acceptsPromised() && c.submittedAt() != null && d.uploadedAt().isAfter(c.submittedAt());
        if (!c.acceptsMaterials() && !latePromised) {
            throw new EarchiveException(
                    ErrorCode.CASE_CLOSED_FOR_MATERIALS,
                    "案件 " + caseNumber + " 当前状态为 " + c.status() + "，材料不能再删除。Case " + caseNumber + " is " + c.status()
                            + ": its materials can no longer be removed.");
        }
        coordination.lockObject(d.objectKey());
        DocumentView view = CaseAssembler.toView(d, c.caseNumber());
        captures.forget(documentId);
        documents.delete(documentId);
        audit.record(
                actor,
                AuditAction.DOCUMENT_REMOVED,
                "doc:" + documentId,
                c.caseNumber() + " " + d.materialCode() + " " + d.fileName() + " sha256=" + d.sha256()
                        + (reason == null || reason.isBlank() ? "" : " reason: " + reason.strip()));
        return view;
    }

    /** Keeps the document's searchable text; its own short transaction, after the upload is recorded. */
    public void storeText(long documentId, String text) {
        documents.storeText(documentId, text);
    }

    /**
     * Records an uploaded object's row under the object's lock, after checking that the object is still there (an
     * upload that found its bytes already stored may race a failed upload's clean-up on another node: whichever takes
     * the lock first decides).
     */
    public DocumentView recordKept(
            Target target,
            String material,
            String fileName,
            String contentType,
            StoredObject stored,
            String uploader,
            String uploadKey,
            String role,
            boolean capture)
            throws EarchiveException, StorageException {
        coordination.lockObject(stored.key());
        if (!stored.created() && objects.stat(stored.key()).isEmpty()) {
            throw new EarchiveException(
                    ErrorCode.STORAGE_UNAVAILABLE, "文件保存未完成，请重新上传。The file was not kept: upload it again.");
        }
        DocumentView view = record(
                target,
                material,
                fileName,
                contentType,
                new StoredContent(stored.key(), stored.size(), stored.sha256(), stored.sm3()),
                uploader,
                uploadKey,
                role);
        if (!capture) {
            return view;
        }
        // queued in the same transaction as the row: a recorded original always has its job
        captures.enqueue(view.id(), target.caseId(), Instant.now());
        return view.withCapture(CaptureStates.processing(0));
    }

    /** Removes an object a failed upload stored, unless a row refers to it; under the object's lock. */
    public void removeUnreferenced(String objectKey) throws StorageException {
        coordination.lockObject(objectKey);
        if (references(objectKey) == 0) {
            objects.delete(objectKey);
            fixity.forget(List.of(objectKey)); // nothing left to verify (a failed upload never entered it)
        }
    }

    public long references(String objectKey) {
        return documents.countByObjectKey(objectKey);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public DocumentView document(long id) throws EarchiveException {
        CaseDocument d = documents.find(id).orElseThrow(() -> Failures.documentNotFound(id));
        String caseNumber =
                cases.findById(d.caseId()).map(BusinessCase::caseNumber).orElse(null);
        return CaseAssembler.toView(d, caseNumber);
    }

    private BusinessCase find(String caseNumber) throws EarchiveException {
        return cases.find(caseNumber).orElseThrow(() -> Failures.caseNotFound(caseNumber));
    }
}
