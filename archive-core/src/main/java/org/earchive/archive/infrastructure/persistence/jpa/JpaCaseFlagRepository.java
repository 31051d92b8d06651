package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.risk.CaseFlag;
import org.earchive.archive.domain.model.risk.CaseFlagRepository;

@ApplicationScoped
public class JpaCaseFlagRepository implements CaseFlagRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public CaseFlag store(CaseFlag flag) {
        em.persist(flag);
        em.flush();
        return flag;
    }

    @Override
    public List<CaseFlag> byCase(String caseNumber) {
        return em.createQuery("SELECT f FROM CaseFlag f WHERE f.caseNumber = :c ORDER BY f.id", CaseFlag.class)
                .setParameter("c", caseNumber)
                .getResultList();
    }

    @Override
    public List<CaseFlag> recent(int limit) {
        return em.createQuery("SELECT f FROM CaseFlag f ORDER BY f.id DESC", CaseFlag.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<CaseFlag> find(String caseNumber, String kind, String evidenceKey) {
        return em.createQuery(
                        "SELECT f FROM CaseFlag f WHERE f.caseNumber = :c AND f.kind = :k AND f.evidenceKey = :e",
                        CaseFlag.class)
                .setParameter("c", caseNumber)
                .setParameter("k", kind)
                .setParameter("e", evidenceKey)
                .getResultStream()
                .findFirst();
    }
}
