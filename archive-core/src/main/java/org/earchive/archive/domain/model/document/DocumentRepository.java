package org.earchive.archive.domain.model.document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earchive.archive.domain.model.cases.BusinessCase;

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

    /** The upload keys of the case's documents taken over from earlier archived records ({@code reuse:…}). */
    Set<String> reuseKeys(long caseId);

    /** Removes a document's row and its text (a mistaken upload taken back before its case was submitted). */
    void delete(long documentId);

    /** Drops a document's searchable text (its content is destroyed). */
    void dropText(long documentId);

    /** How many documents not destroyed refer to the object. */
    long countLiveByObjectKey(String objectKey);

    /** An object live documents refer to, with the digests recorded for it. */
    record Reference(String key, String sha256, String sm3, long size) {}

    /** The objects live documents refer to, by key after {@code afterKey}, at most {@code limit}. */
    List<Reference> references(String afterKey, int limit);

    /** The objects with these keys that live documents refer to (a key no live document has is left out). */
    List<Reference> references(Collection<String> keys);

    /** Which of these object keys live documents refer to. */
    Set<String> referenced(Collection<String> keys);

    /** A document and its case. */
    record Sighting(CaseDocument document, BusinessCase businessCase) {}

    /** Documents with any of these SHA-256 digests in cases other than {@code exceptCase}, at most {@code limit}. */
    List<Sighting> withDigests(Collection<String> sha256, String exceptCase, int limit);
}
