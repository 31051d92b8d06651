package org.earchive.archive.application.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Logger;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.domain.service.VirusScanner;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * The virus scan at the door: an uploaded file is scanned as soon as its bytes are stored, so that an infected one is
 * refused while the applicant is still at the counter, not found at archiving after they have gone. A scanner that
 * cannot answer does not stop the counter: the upload goes on and the four-property check scans again at archiving
 * (where an unavailable scanner fails the check).
 */
@Dependent
public class DoorScan {
    private static final Logger LOG = Logger.getLogger(DoorScan.class.getName());

    @Inject
    VirusScanner scanner;

    @Inject
    ObjectStore store;

    private VirusScanner.Verdict scan(StoredObject stored) {
        try (InputStream in = store.get(stored.key())) {
            return scanner.scan(in);
        } catch (IOException | StorageException e) {
            return new VirusScanner.Verdict(VirusScanner.Outcome.UNAVAILABLE, String.valueOf(e.getMessage()));
        }
    }

    /** Throws {@link ErrorCode#VIRUS_FOUND} if the stored object is infected; the caller removes it. */
    public void check(StoredObject stored) throws EarchiveException {
        VirusScanner.Verdict verdict = scan(stored);
        switch (verdict.outcome()) {
            case INFECTED ->
                throw new EarchiveException(
                        ErrorCode.VIRUS_FOUND,
                        "文件中发现病毒（" + verdict.detail() + "），已拒收，请重新扫描纸质材料或换用干净的文件。A virus was found in the file ("
                                + verdict.detail() + "): it was refused. Scan the paper again or bring a clean file.");
            case UNAVAILABLE ->
                LOG.warning(() -> "Upload " + stored.key() + " not scanned at the door (" + verdict.detail()
                        + "); the four-property check scans it at archiving");
            default -> {
                // CLEAN, or no scanner installed here (the embedded default): the report at archiving says which
            }
        }
    }
}
