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
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.CaptureService;
import org.earchive.archive.application.DocumentService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.CaptureQueueView;
import org.earchive.archive.application.dto.CaptureTask;
import org.earchive.archive.application.dto.DocumentContent;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.port.CaptureQueue;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/** The capture workers' side of the queue; a worker's I/O (reading an original, storing its PDF/A) holds no lock. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultCaptureService implements CaptureService {
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    @EJB
    CaptureJobs jobs;

    @EJB
    PromisedMaterials promises;

    @EJB
    DocumentRecorder recorder;

    @EJB
    DocumentService documents;

    @EJB
    AuditTrail audit;

    @Inject
    ObjectStore store;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({Roles.STATION, Roles.ADMIN})
    public List<CaptureTask> claim(String worker, int limit) throws EarchiveException {
        return jobs.claim(holder(worker), Math.max(1, Math.min(limit, 16)));
    }

    @Override
    @RolesAllowed({Roles.STATION, Roles.ADMIN})
    public DocumentContent original(long documentId, String worker) throws EarchiveException {
        held(documentId, worker);
        DocumentView view = recorder.document(documentId);
        try {
            return new DocumentContent(view, store.get(StoredObject.keyFor(view.sha256())));
        } catch (StorageException e) {
            throw Failures.storeUnreadable(e);
        }
    }

    @Override
    @RolesAllowed({Roles.STATION, Roles.ADMIN})
    public DocumentView complete(long documentId, String worker, int pages, InputStream pdf) throws EarchiveException {
        CaptureQueue.Job job = jobs.job(documentId).orElseThrow(() -> Failures.documentNotFound(documentId));
        if (job.state().equals(CaptureQueue.DONE) && job.resultDocumentId() != null) {
            return recorder.document(job.resultDocumentId()).asReplay(); // a retry after a lost answer
        }
        held(job, worker);
        DocumentView original = recorder.document(documentId);
        PushbackInputStream in = new PushbackInputStream(pdf, PDF.length);
        try {
            byte[] head = in.readNBytes(PDF.length);
            if (!Arrays.equals(head, PDF)) {
                throw new EarchiveException(
                        ErrorCode.UNSUPPORTED_FORMAT, "The capture result must be a PDF/A; this is not a PDF.");
            }
            in.unread(head);
        } catch (IOException e) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "The capture result was cut off: send it again.", e);
        }
        // the same key for every attempt at this job: however many workers get this far, one archival copy
        DocumentView archival = documents.upload(
                original.caseNumber(),
                original.material(),
                stem(original.fileName()) + ".pdf",
                "application/pdf",
                in,
                context.getCallerPrincipal().getName(),
                "capture:" + documentId,
                "ARCHIVAL");
        jobs.finish(documentId, holder(worker), archival.id(), Math.max(0, pages));
        promises.arrived(original.caseNumber()); // a promised material's archival copy may be the last one awaited
        return archival;
    }

    @Override
    @RolesAllowed({Roles.STATION, Roles.ADMIN})
    public void fail(long documentId, String worker, String code, String message) throws EarchiveException {
        held(documentId, worker);
        String safeCode = code == null || !code.matches("[A-Z_]{2,40}") ? "PROCESSING_FAILED" : code;
        if (jobs.fail(documentId, holder(worker), safeCode, message)) {
            audit.record(
                    context.getCallerPrincipal().getName(), AuditAction.CAPTURE_FAILED, "doc:" + documentId, safeCode);
        }
    }

    @Override
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR, Roles.ARCHIVIST})
    public CaptureQueueView queue() {
        Instant since = Instant.now().minus(Duration.ofHours(1));
        CaptureQueue.Depth d = jobs.depth(since);
        return new CaptureQueueView(
                d.queued(), d.running(), d.oldestQueuedAt(), d.doneSince(), d.pagesSince(), d.failedSince());
    }

    private void held(long documentId, String worker) throws EarchiveException {
        held(jobs.job(documentId).orElseThrow(() -> Failures.documentNotFound(documentId)), worker);
    }

    /** Refuses a job that is not running under this worker's lease (the caller read it already). */
    private void held(CaptureQueue.Job job, String worker) throws EarchiveException {
        if (!job.state().equals(CaptureQueue.RUNNING) || !holder(worker).equals(job.claimedBy())) {
            throw new EarchiveException(
                    ErrorCode.CAPTURE_JOB_NOT_HELD,
                    "Capture job " + job.documentId() + " is " + job.state()
                            + (job.claimedBy() == null ? "" : " (held by " + job.claimedBy() + ")")
                            + ", not this worker's: claim another.");
        }
    }

    /** The job holder's name: the caller's account and the worker's own name. */
    private String holder(String worker) {
        String name = worker == null || worker.isBlank() ? "worker" : worker.replaceAll("[^A-Za-z0-9._:-]", "_");
        String holder = context.getCallerPrincipal().getName() + "/" + name;
        return holder.length() > 64 ? holder.substring(0, 64) : holder;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
