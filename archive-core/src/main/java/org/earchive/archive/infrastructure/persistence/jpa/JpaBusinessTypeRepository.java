package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;

@ApplicationScoped
public class JpaBusinessTypeRepository implements BusinessTypeRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    private static final Map<String, Object> READ_ONLY = Map.of("eclipselink.read-only", "true");

    @Override
    public Optional<BusinessType> find(String code) {
        // the shared cache's instance itself (earchive-cache.xml), not a copy made for this transaction
        return Optional.ofNullable(em.find(BusinessType.class, code, READ_ONLY));
    }

    @Override
    public Optional<BusinessType> findForChange(String code) {
        return Optional.ofNullable(em.find(BusinessType.class, code));
    }

    @Override
    public List<BusinessType> findAll() {
        return em.createQuery("SELECT t FROM BusinessType t ORDER BY t.code", BusinessType.class)
                .getResultList();
    }

    @Override
    public void store(BusinessType type) {
        em.persist(type);
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(t) FROM BusinessType t", Long.class).getSingleResult();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
