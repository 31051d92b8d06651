package org.earchive.archive.application.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.domain.service.ArchivalReadiness;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;
import org.earchive.storage.StoredObject;

/**
 * Decides at the door whether an upload needs server-side capture: every image does (it has no text), and so does a
 * PDF that is not a PDF/A with a text layer (a scanner's own PDF, a phone app's, an office export).
 */
@Dependent
public class CaptureIntake {
    @Inject
    ArchivalReadiness readiness;

    @Inject
    ObjectStore store;

    /**
     * Whether the stored upload needs capture. A PDF PDFBox cannot open does (the worker says what is wrong with it); a
     * store that cannot be read back at this moment is an outage, not a verdict on the file: the upload is refused
     * with {@code STORAGE_UNAVAILABLE} and sent again, rather than an archival PDF/A being queued for capture.
     */
    public boolean needsCapture(StoredObject stored, String format) throws EarchiveException {
        if (!"application/pdf".equals(format)) {
            return true;
        }
        try (InputStream in = store.get(stored.key())) {
            return !readiness.archiveReady(in, format);
        } catch (StorageException e) {
            throw Failures.storeUnavailable(e);
        } catch (IOException e) {
            throw Failures.storeUnavailable(new StorageException("reading back " + stored.key() + " failed", e));
        }
    }
}
