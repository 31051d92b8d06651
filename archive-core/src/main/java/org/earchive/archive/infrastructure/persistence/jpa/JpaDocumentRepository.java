package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.document.CaseDocument;
import org.earchive.archive.domain.model.document.DocumentRepository;

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
        org.earchive.archive.domain.model.document.DocumentText existing =
                em.find(org.earchive.archive.domain.model.document.DocumentText.class, documentId);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new org.earchive.archive.domain.model.document.DocumentText(documentId, text));
    }

    @Override
    public String text(long documentId) {
        org.earchive.archive.domain.model.document.DocumentText t =
                em.find(org.earchive.archive.domain.model.document.DocumentText.class, documentId);
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
}
