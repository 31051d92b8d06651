package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.document.DocumentText;

@ApplicationScoped
public class JpaDocumentRepository implements DocumentRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public Optional<CaseDocument> find(long id) {
        return Optional.ofNullable(em.find(CaseDocument.class, id));
    }

    @Override
    public List<CaseDocument> findByCase(long caseId) {
        return em.createQuery("SELECT d FROM CaseDocument d WHERE d.caseId = :c ORDER BY d.id", CaseDocument.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    @Override
    public Optional<CaseDocument> findByUploadKey(long caseId, String uploadKey) {
        return em.createQuery(
                        "SELECT d FROM CaseDocument d WHERE d.caseId = :c AND d.uploadKey = :k", CaseDocument.class)
                .setParameter("c", caseId)
                .setParameter("k", uploadKey)
                .getResultStream()
                .findFirst();
    }

    @Override
    public CaseDocument store(CaseDocument document) {
        em.persist(document);
        em.flush();
        return document;
    }

    @Override
    public void storeText(long documentId, String text) {
        DocumentText existing = em.find(DocumentText.class, documentId);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new DocumentText(documentId, text));
    }

    @Override
    public String text(long documentId) {
        DocumentText t = em.find(DocumentText.class, documentId);
        return t == null ? "" : t.content();
    }

    @Override
    public long countByObjectKey(String objectKey) {
        return em.createQuery("SELECT COUNT(d) FROM CaseDocument d WHERE d.objectKey = :k", Long.class)
                .setParameter("k", objectKey)
                .getSingleResult();
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(d) FROM CaseDocument d", Long.class).getSingleResult();
    }

    @Override
    public Set<String> reuseKeys(long caseId) {
        return new HashSet<>(em.createQuery(
                        "SELECT d.uploadKey FROM CaseDocument d WHERE d.caseId = :c AND d.uploadKey LIKE 'reuse:%'",
                        String.class)
                .setParameter("c", caseId)
                .getResultList());
    }

    @Override
    public void delete(long documentId) {
        dropText(documentId);
        em.createQuery("DELETE FROM CaseDocument d WHERE d.id = :d")
                .setParameter("d", documentId)
                .executeUpdate();
    }

    @Override
    public void dropText(long documentId) {
        em.createQuery("DELETE FROM DocumentText t WHERE t.documentId = :d")
                .setParameter("d", documentId)
                .executeUpdate();
    }

    @Override
    public long countLiveByObjectKey(String objectKey) {
        return em.createQuery(
                        "SELECT COUNT(d) FROM CaseDocument d WHERE d.objectKey = :k AND d.disposedAt IS NULL",
                        Long.class)
                .setParameter("k", objectKey)
                .getSingleResult();
    }

    /** An object as live documents refer to it: key, digests, size (one row per key, however many documents). */
    private static final String REFERENCES =
            "SELECT d.objectKey, MIN(d.sha256), MIN(d.sm3), MIN(d.sizeBytes) FROM CaseDocument d";

    private static Reference reference(Object[] r) {
        return new Reference((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue());
    }

    @Override
    public List<Reference> references(String afterKey, int limit) {
        return em
                .createQuery(
                        REFERENCES + " WHERE d.objectKey > :after AND d.disposedAt IS NULL GROUP BY d.objectKey"
                                + " ORDER BY d.objectKey",
                        Object[].class)
                .setParameter("after", afterKey)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(JpaDocumentRepository::reference)
                .toList();
    }

    @Override
    public List<Reference> references(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        REFERENCES + " WHERE d.objectKey IN :keys AND d.disposedAt IS NULL GROUP BY d.objectKey",
                        Object[].class)
                .setParameter("keys", keys)
                .getResultList()
                .stream()
                .map(JpaDocumentRepository::reference)
                .toList();
    }

    @Override
    public Set<String> referenced(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "SELECT DISTINCT d.objectKey FROM CaseDocument d WHERE d.objectKey IN :keys AND d.disposedAt IS NULL",
                        String.class)
                .setParameter("keys", keys)
                .getResultList());
    }

    @Override
    public List<Sighting> withDigests(Collection<String> sha256, String exceptCase, int limit) {
        return em
                .createQuery(
                        "SELECT c, d FROM CaseDocument d, BusinessCase c WHERE d.sha256 IN :s AND c.id = d.caseId"
                                + " AND c.caseNumber <> :except ORDER BY d.id",
                        Object[].class)
                .setParameter("s", sha256)
                .setParameter("except", exceptCase)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(r -> new Sighting((CaseDocument) r[1], (BusinessCase) r[0]))
                .toList();
    }
}
