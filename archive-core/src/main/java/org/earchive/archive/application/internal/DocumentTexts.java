package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.service.TextExtractor;
import org.earchive.storage.ObjectStore;
import org.earchive.storage.StorageException;

/**
 * A document's text (the OCR layer of an archival PDF, or a born-digital PDF's own text), extracted the first time it
 * is needed — when a reviewer reads it or when the case is archived and indexed — and kept in the database from then
 * on, so that an upload at the counter never waits for it and a rebuilt index has it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DocumentTexts {
    private static final Logger LOG = Logger.getLogger(DocumentTexts.class.getName());

    @Inject
    DocumentRepository documents;

    @Inject
    ObjectStore store;

    @Inject
    TextExtractor extractor;

    @EJB
    DocumentRecorder recorder;

    /** The text a record is searched by: its document's, none once the record is destroyed. */
    public String ofRecord(ArchiveRecord r) {
        return r.disposedAt() == null ? of(r.documentId()) : "";
    }

    public String of(long documentId) {
        String kept = documents.text(documentId);
        if (kept != null && !kept.isEmpty()) {
            return kept;
        }
        Optional<CaseDocument> d = documents.find(documentId);
        if (d.isEmpty()
                || d.get().disposedAt() != null
                || !CaseDocument.ARCHIVAL.equals(d.get().role())
                || d.get().contentType() == null
                || !d.get().contentType().startsWith("application/pdf")) {
            return "";
        }
        String text;
        try (InputStream in = store.get(d.get().objectKey())) {
            text = extractor.extract(in, d.get().contentType());
        } catch (IOException | StorageException | RuntimeException e) {
            LOG.log(Level.INFO, "Document " + documentId + ": no searchable text (" + e.getMessage() + ")");
            return "";
        }
        if (!text.isEmpty()) {
            try {
                recorder.storeText(documentId, text);
            } catch (RuntimeException e) {
                // extracted twice at the same moment: the other copy is kept, and it is the same text
            }
        }
        return text;
    }
}
