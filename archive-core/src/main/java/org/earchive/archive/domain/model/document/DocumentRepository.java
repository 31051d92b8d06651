package org.earchive.archive.domain.model.document;

import java.util.List;
import java.util.Optional;

public interface DocumentRepository {
    Optional<CaseDocument> find(long id);

    List<CaseDocument> findByCase(long caseId);

    /** The document an earlier upload with this idempotency key made for the case. */
    Optional<CaseDocument> findByUploadKey(long caseId, String uploadKey);

    CaseDocument store(CaseDocument document);

    /** Keeps a document's searchable text (replacing any earlier one). */
    void storeText(long documentId, String text);

    /** A document's searchable text, empty when it has none. */
    String text(long documentId);

    /** How many documents refer to the object; an object no row refers to is an orphan. */
    long countByObjectKey(String objectKey);

    long count();
}
