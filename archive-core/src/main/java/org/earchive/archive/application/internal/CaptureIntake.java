package org.earchive.archive.application.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
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

    public boolean needsCapture(StoredObject stored, String format) {
        if (!"application/pdf".equals(format)) {
            return true;
        }
        try (InputStream in = store.get(stored.key())) {
            return !readiness.archiveReady(in, format);
        } catch (IOException | StorageException e) {
            return true; // the worker reads it again and says what is wrong
        }
    }
}
