package org.earchive.archive.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.dto.AuditEventView;
import org.earchive.archive.application.dto.AuditVerification;
import org.earchive.archive.application.dto.DocumentView;
import org.earchive.archive.application.port.ClusterCoordination;
import org.earchive.archive.application.port.FixityLedger;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.document.StoredContent;
import org.earchive.archive.domain.service.VirusScanner;
import org.earchive.archive.infrastructure.pdfbox.PdfBoxArchivalReadiness;
import org.earchive.archive.infrastructure.tika.TikaFormatDetector;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.Protection;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;
import org.earchive.storage.fs.FileSystemObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload's failure paths with injected faults (a store that is down, a database that fails after the bytes are
 * stored): the caller gets a clear error code, and nothing is left half-written — no row, no orphan object.
 */
class DefaultDocumentServiceTest {
    @TempDir
    Path dir;

    private FileSystemObjectStore objects;
    private RecordingRecorder recorder;
    private DefaultDocumentService service;

    /** Stands in for the database side: remembers rows, can be told to fail. */
    static final class RecordingRecorder extends DocumentRecorder {
        final List<StoredContent> rows = new ArrayList<>();
        final List<String> locked = new ArrayList<>();
        RuntimeException failOnRecord;

        /** The database's object locks, as calls: which keys were locked before a row or a removal. */
        final ClusterCoordination locks = new ClusterCoordination() {
            @Override
            public boolean claimTick(String job, long tick, String holder) {
                return true;
            }

            @Override
            public void lock(String name) {}

            @Override
            public void lockObject(String objectKey) {
                locked.add(objectKey);
            }
        };

        @Override
        public Target checkTarget(String caseNumber, String material) throws EarchiveException {
            if (!caseNumber.equals("C1")) {
                throw new EarchiveException(ErrorCode.CASE_NOT_FOUND, "no case " + caseNumber);
            }
            return new Target(1L, "C1", "11010519491231002X", "王芳", "ENROLL", false, false);
        }

        @Override
        public Optional<DocumentView> replay(Target target, String uploadKey) {
            return Optional.empty();
        }

        @Override
        public DocumentView record(
                Target target,
                String material,
                String fileName,
                String contentType,
                StoredContent content,
                String uploader,
                String uploadKey,
                String role) {
            if (failOnRecord != null) {
                throw failOnRecord;
            }
            rows.add(content);
            return new DocumentView(
                    rows.size(),
                    "C1",
                    material,
                    fileName,
                    contentType,
                    content.size(),
                    content.sha256(),
                    content.sm3(),
                    uploader,
                    Instant.now(),
                    uploadKey,
                    role,
                    false,
                    null);
        }

        @Override
        public long references(String objectKey) {
            return rows.stream().filter(r -> r.objectKey().equals(objectKey)).count();
        }
    }

    /** The store is down: every call fails as a refused connection would. */
    static final class DownStore implements ObjectStore {
        private static StorageException refused() {
            return new StorageException("Connection refused: 127.0.0.1:9000");
        }

        @Override
        public StoredObject put(InputStream content, String contentType) throws StorageException {
            throw refused();
        }

        @Override
        public InputStream get(String key) throws StorageException {
            throw refused();
        }

        @Override
        public Optional<StoredObject> stat(String key) throws StorageException {
            throw refused();
        }

        @Override
        public void delete(String key) throws StorageException {
            throw refused();
        }

        @Override
        public void retain(String key, Instant until) throws StorageException {
            throw refused();
        }

        @Override
        public void legalHold(String key, boolean on) throws StorageException {
            throw refused();
        }

        @Override
        public Protection protection(String key) throws StorageException {
            throw refused();
        }

        @Override
        public StoredObject repair(String key, InputStream content, String contentType) throws StorageException {
            throw refused();
        }

        @Override
        public Stream<String> keys() throws StorageException {
            throw refused();
        }

        @Override
        public StoredObject verify(String key) throws StorageException {
            throw refused();
        }

        @Override
        public void ping() throws StorageException {
            throw refused();
        }

        @Override
        public String describe() {
            return "down";
        }
    }

    @BeforeEach
    void wire() throws Exception {
        objects = new FileSystemObjectStore(dir.resolve("objects"));
        recorder = new RecordingRecorder();
        service = service(objects);
    }

    private DefaultDocumentService service(ObjectStore store) {
        DefaultDocumentService s = new DefaultDocumentService();
        s.recorder = recorder;
        s.store = store;
        recorder.objects = store;
        recorder.coordination = recorder.locks;
        // the fixity ledger's rows are the database's: nothing to remember here
        recorder.fixity = (FixityLedger) Proxy.newProxyInstance(
                FixityLedger.class.getClassLoader(),
                new Class<?>[] {FixityLedger.class},
                (proxy, method, args) -> null);
        s.maxUploadBytes = () -> 100_000;
        s.formats = new TikaFormatDetector();
        s.intake = new CaptureIntake() {
            @Override
            public boolean needsCapture(StoredObject stored, String format) {
                return false; // these tests are about storing and recording; capture is CaptureIT's
            }
        };
        s.door = new DoorScan();
        s.door.store = store;
        s.door.scanner = scanner;
        s.audit = new AuditTrail() {
            @Override
            public void record(String actor, AuditAction action, String target, String detail) {
                audited.add(action + " " + target + " " + detail);
            }

            @Override
            public AuditVerification verify() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AuditEventView> latest(int limit) {
                return List.of();
            }
        };
        return s;
    }

    /** The virus scanner's answer for every file: clean unless a test says otherwise. */
    private VirusScanner.Verdict verdict = new VirusScanner.Verdict(VirusScanner.Outcome.CLEAN, "");

    private final List<String> audited = new ArrayList<>();

    private final VirusScanner scanner = new VirusScanner() {
        @Override
        public Verdict scan(InputStream content) {
            try {
                content.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return verdict;
        }

        @Override
        public String describe() {
            return "test scanner";
        }
    };

    @Test
    void anInfectedFileIsRefusedAtTheDoorAndNothingOfItIsKept() throws Exception {
        verdict = new VirusScanner.Verdict(VirusScanner.Outcome.INFECTED, "Eicar-Test-Signature");
        EarchiveException e = assertThrows(
                EarchiveException.class,
                () -> service.upload(
                        "C1",
                        "ID_CARD",
                        "a.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(bytes(5000, 7)),
                        "clerk"));
        assertEquals(ErrorCode.VIRUS_FOUND, e.code());
        assertTrue(e.getMessage().contains("Eicar-Test-Signature"), e.getMessage());
        assertEquals(0, recorder.rows.size(), "no row");
        assertEquals(0, objectCount(), "the bytes are removed again");
        assertTrue(audited.stream().anyMatch(a -> a.startsWith("UPLOAD_REFUSED C1")), audited.toString());
    }

    @Test
    void aScannerThatCannotAnswerDoesNotStopTheCounter() throws Exception {
        verdict = new VirusScanner.Verdict(VirusScanner.Outcome.UNAVAILABLE, "connection refused");
        service.upload("C1", "ID_CARD", "a.pdf", "application/pdf", new ByteArrayInputStream(bytes(5000, 8)), "clerk");
        assertEquals(1, recorder.rows.size(), "recorded: the four-property check scans it at archiving");
    }

    /** n bytes that are a PDF by their first bytes (uploads are accepted by what their bytes are). */
    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, b, 0, Math.min(magic.length, n));
        return b;
    }

    private long objectCount() throws Exception {
        try (Stream<String> keys = objects.keys()) {
            return keys.count();
        }
    }

    @Test
    void anUploadStoresTheBytesAndRecordsTheirDigests() throws Exception {
        DocumentView v = service.upload(
                "C1", "ID_CARD", "a.pdf", "application/pdf", new ByteArrayInputStream(bytes(5000, 1)), "clerk");
        assertEquals(1, recorder.rows.size());
        assertEquals(1, objectCount());
        assertTrue(objects.stat("sha256/" + v.sha256()).isPresent());
    }

    @Test
    void theStoreDownDuringAPutGivesAClearErrorAndNoRow() throws Exception {
        DefaultDocumentService down = service(new DownStore());
        EarchiveException e = assertThrows(
                EarchiveException.class,
                () -> down.upload(
                        "C1",
                        "ID_CARD",
                        "a.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(bytes(5000, 2)),
                        "clerk"));
        assertEquals(ErrorCode.STORAGE_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("upload it again"), e.getMessage());
        assertEquals(0, recorder.rows.size(), "no row points at a missing object");
    }

    @Test
    void theStoreGoneBeforeAnUploadIsReadBackRefusesItInsteadOfQueueingItsCapture() throws Exception {
        // stored, then the store went away before the intake read the PDF back to see whether it is archive-ready (a
        // soak's outage): an archival PDF/A must not be taken for an original that needs capture
        ObjectStore fading = (ObjectStore) Proxy.newProxyInstance(
                ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        throw new StorageException("Connection refused: 127.0.0.1:9000");
                    }
                    try {
                        return method.invoke(objects, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DefaultDocumentService s = service(fading);
        s.intake = new CaptureIntake();
        s.intake.readiness = new PdfBoxArchivalReadiness();
        s.intake.store = fading;
        EarchiveException e = assertThrows(
                EarchiveException.class,
                () -> s.upload(
                        "C1",
                        "ID_CARD",
                        "a.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(bytes(5000, 6)),
                        "clerk"));
        assertEquals(ErrorCode.STORAGE_UNAVAILABLE, e.code(), e.getMessage());
        assertEquals(0, recorder.rows.size(), "nothing recorded, as an original to capture or otherwise");
        assertEquals(0, objectCount(), "the object this upload created was removed again");
    }

    @Test
    void aDatabaseFailureAfterTheBytesAreStoredLeavesNoOrphan() throws Exception {
        recorder.failOnRecord = new IllegalStateException("connection to the database lost");
        assertThrows(
                IllegalStateException.class,
                () -> service.upload(
                        "C1",
                        "ID_CARD",
                        "a.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(bytes(5000, 3)),
                        "clerk"));
        assertEquals(0, recorder.rows.size());
        assertEquals(0, objectCount(), "the object this upload created was removed again");
        assertEquals(2, recorder.locked.size(), "the row's attempt and the removal each took the object's lock");
        assertEquals(recorder.locked.get(0), recorder.locked.get(1));
    }

    @Test
    void aFailedUploadNeverRemovesBytesThatOtherRowsUse() throws Exception {
        byte[] shared = bytes(5000, 4);
        service.upload("C1", "ID_CARD", "a.pdf", "application/pdf", new ByteArrayInputStream(shared), "clerk");
        recorder.failOnRecord = new IllegalStateException("database failure");
        assertThrows(
                IllegalStateException.class,
                () -> service.upload(
                        "C1", "BANK_CARD", "b.pdf", "application/pdf", new ByteArrayInputStream(shared), "clerk"));
        assertEquals(1, objectCount(), "the first upload's object is still there");
    }

    @Test
    void anOversizedOrEmptyUploadIsRefusedAndNothingIsKept() throws Exception {
        EarchiveException big = assertThrows(
                EarchiveException.class,
                () -> service.upload(
                        "C1",
                        "ID_CARD",
                        "big.pdf",
                        "application/pdf",
                        new ByteArrayInputStream(bytes(150_000, 5)),
                        "clerk"));
        assertEquals(ErrorCode.FILE_TOO_LARGE, big.code());
        EarchiveException empty = assertThrows(
                EarchiveException.class,
                () -> service.upload(
                        "C1", "ID_CARD", "e.pdf", "application/pdf", new ByteArrayInputStream(new byte[0]), "clerk"));
        assertEquals(ErrorCode.EMPTY_FILE, empty.code());
        assertEquals(0, objectCount());
        assertEquals(0, recorder.rows.size());
    }
}
