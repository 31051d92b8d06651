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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.DocumentService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.service.FormatDetector;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Uploads run outside any transaction: check the case (short transaction), stream the bytes into the store, record
 * the row (short transaction). If recording fails, an object this upload created and nothing refers to is removed,
 * so a failed upload leaves neither a row nor an orphan.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultDocumentService implements DocumentService {
    @Inject
    Settings settings;

    /** Striped locks over object keys: record-or-compensate of one key never runs twice at once in this JVM. */
    private static final Object[] KEY_LOCKS =
            Stream.generate(Object::new).limit(256).toArray();

    private static final Logger LOG = Logger.getLogger(DefaultDocumentService.class.getName());

    @EJB
    DocumentRecorder recorder;

    @EJB
    HallRule hall;

    @EJB
    PromisedMaterials promises;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Inject
    ObjectStore store;

    @Inject
    FormatDetector formats;

    @Inject
    DoorScan door;

    @Inject
    CaptureIntake intake;

    @Inject
    ArchiveRepository archive;

    /** The upload limit, read per upload so that configuration changes apply; replaceable in tests. */
    LongSupplier maxUploadBytes = () -> settings.maxUploadBytes();

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN, Roles.STATION})
    public DocumentView upload(
            String caseNumber,
            String material,
            String fileName,
            String contentType,
            InputStream content,
            String uploader)
            throws EarchiveException {
        return upload(caseNumber, material, fileName, contentType, content, uploader, null, null);
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN, Roles.STATION})
    public DocumentView upload(
            String caseNumber,
            String material,
            String fileName,
            String contentType,
            InputStream content,
            String uploader,
            String uploadKey,
            String role)
            throws EarchiveException {
        String key = uploadKey(uploadKey);
        boolean declared = role != null && !role.isBlank();
        String kind = declared ? role.trim().toUpperCase(Locale.ROOT) : CaseDocument.ARCHIVAL;
        if (!kind.equals("ARCHIVAL") && !kind.equals("ORIGINAL")) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "文件角色只能是 ARCHIVAL 或 ORIGINAL。The role must be ARCHIVAL or ORIGINAL.");
        }
        DocumentRecorder.Checked checked = recorder.check(caseNumber, material, key);
        if (checked.earlier().isPresent()) {
            return checked.earlier().get();
        }
        DocumentRecorder.Target target = checked.target();
        Stored upload = storeBytes(content);
        StoredObject stored = upload.object();
        FaultPoints.reach(FaultPoints.OBJECT_STORED); // the fault trials' stop: object stored, no row yet
        scanAtTheDoor(stored, uploader, target.caseNumber());
        // a file sent without a role (a browser, an online channel) that is not an archive-ready PDF/A is kept as the
        // original and captured on the server; a station declares its roles and is taken at its word
        boolean capture;
        try {
            capture = !declared && intake.needsCapture(stored, upload.format());
        } catch (EarchiveException e) {
            compensate(stored);
            throw e;
        }
        DocumentView view;
        try {
            // kept as the format its bytes are, whatever the client declared: served back as that alone
            view = recordOrCompensate(
                    target,
                    material,
                    fileName,
                    upload.format(),
                    stored,
                    uploader,
                    key,
                    capture ? CaseDocument.ORIGINAL : kind,
                    capture);
        } catch (EarchiveException | RuntimeException e) {
            // the same key recorded meanwhile by a concurrent retry: that document is the answer
            Optional<DocumentView> raced = key == null ? Optional.empty() : recorder.replay(target, key);
            if (raced.isPresent() && raced.get().sha256().equals(stored.sha256())) {
                return raced.get();
            }
            throw e;
        }
        FaultPoints.reach(FaultPoints.ROW_COMMITTED);
        if (target.promised() && !capture) {
            promises.arrived(target.caseNumber()); // the last promised material may have come: archive the case
        }
        return view;
    }

    @Override
    @RolesAllowed(Roles.REVIEWER)
    public DocumentView attachWorkSheet(String caseNumber, String material, String fileName, InputStream content)
            throws EarchiveException {
        String reviewer = context.getCallerPrincipal().getName();
        DocumentRecorder.Target target = recorder.checkWorkSheet(caseNumber, material, reviewer);
        Stored upload = storeBytes(content);
        scanAtTheDoor(upload.object(), reviewer, caseNumber);
        if (!upload.format().equals("application/pdf")) {
            compensate(upload.object());
            throw new EarchiveException(ErrorCode.UNSUPPORTED_FORMAT, "工作底稿须为 PDF/A。A work sheet must be a PDF/A.");
        }
        return recordOrCompensate(
                target,
                material,
                fileName,
                "application/pdf",
                upload.object(),
                reviewer,
                null,
                CaseDocument.ARCHIVAL,
                false);
    }

    @Override
    @RolesAllowed({Roles.CLERK, Roles.ADMIN})
    public DocumentView remove(String caseNumber, long documentId, String reason) throws EarchiveException {
        DocumentView removed = recorder.remove(
                caseNumber, documentId, context.getCallerPrincipal().getName(), reason);
        try {
            recorder.removeUnreferenced(StoredObject.keyFor(removed.sha256()));
        } catch (StorageException | RuntimeException e) {
            LOG.log(Level.WARNING, "Document " + documentId + " removed; its object stays until the orphan scan", e);
        }
        return removed;
    }

    private static final Pattern UPLOAD_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,160}");

    private static String uploadKey(String key) throws EarchiveException {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!UPLOAD_KEY.matcher(key.trim()).matches()) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST,
                    "上传幂等键格式不正确。The Idempotency-Key must be 8 to 160 characters of letters, digits and . _ : -");
        }
        return key.trim();
    }

    /**
     * The formats the catalogue's materials may arrive in, as detected from the bytes: PDF, TIFF, JPEG, PNG, JPEG 2000.
     * Anything else (HTML, SVG, an executable, an office file) is refused before a byte is stored.
     */
    static final Set<String> ACCEPTED_FORMATS =
            Set.of("application/pdf", "image/tiff", "image/jpeg", "image/png", "image/jp2", "image/jpx");

    /** A stored upload and the format its bytes are. */
    record Stored(StoredObject object, String format) {}

    private Stored storeBytes(InputStream content) throws EarchiveException {
        long limit = maxUploadBytes.getAsLong();
        try {
            PushbackInputStream in = new PushbackInputStream(content, FormatDetector.HEAD_BYTES);
            byte[] head = new byte[FormatDetector.HEAD_BYTES];
            int n = in.readNBytes(head, 0, head.length);
            if (n <= 0) {
                throw new EarchiveException(
                        ErrorCode.EMPTY_FILE,
                        "上传的文件是空的，请重新扫描或选择文件。The uploaded file is empty: scan again or choose another file.");
            }
            String format = formats.detect(head, n);
            if (!ACCEPTED_FORMATS.contains(format)) {
                throw new EarchiveException(
                        ErrorCode.UNSUPPORTED_FORMAT,
                        "不支持该文件格式（" + format + "），请上传 PDF、TIFF、JPEG、PNG 或 JPEG 2000 文件。The file is " + format
                                + ", not a format the archive accepts: upload PDF, TIFF, JPEG, PNG or JPEG 2000.");
            }
            in.unread(head, 0, n);
            LimitedInputStream limited = new LimitedInputStream(in, limit);
            try {
                return new Stored(store.put(limited, format), format);
            } catch (StorageException e) {
                if (limited.exceeded()) {
                    throw Failures.tooLarge(limit);
                }
                throw Failures.storeUnavailable(e);
            }
        } catch (IOException e) {
            throw new EarchiveException(
                    ErrorCode.INVALID_REQUEST, "文件上传中断，请重新上传。The upload was interrupted: send the file again.", e);
        }
    }

    private DocumentView recordOrCompensate(
            DocumentRecorder.Target target,
            String material,
            String fileName,
            String contentType,
            StoredObject stored,
            String uploader,
            String uploadKey,
            String role,
            boolean capture)
            throws EarchiveException {
        // one JVM's uploads of the same bytes wait here; other nodes' wait on the object's lock row in the database
        synchronized (KEY_LOCKS[Math.floorMod(stored.key().hashCode(), KEY_LOCKS.length)]) {
            try {
                return recorder.recordKept(
                        target, material, fileName, contentType, stored, uploader, uploadKey, role, capture);
            } catch (EarchiveException | RuntimeException e) {
                compensate(stored);
                throw e;
            } catch (StorageException e) {
                compensate(stored);
                throw Failures.storeUnavailable(e);
            }
        }
    }

    /** An infected upload is removed again, recorded in the audit trail, and refused with {@code VIRUS_FOUND}. */
    private void scanAtTheDoor(StoredObject stored, String uploader, String caseNumber) throws EarchiveException {
        try {
            door.check(stored);
        } catch (EarchiveException e) {
            compensate(stored);
            audit.record(uploader, AuditAction.UPLOAD_REFUSED, caseNumber, "virus found, sha256=" + stored.sha256());
            throw e;
        }
    }

    private void compensate(StoredObject stored) {
        if (!stored.created()) {
            return;
        }
        try {
            recorder.removeUnreferenced(stored.key());
        } catch (StorageException | RuntimeException e) {
            String what =
                    "Upload failed; its object " + stored.key() + " stays (the fixity audit lists it as an orphan)";
            LOG.log(Level.WARNING, what, e);
        }
    }
}
