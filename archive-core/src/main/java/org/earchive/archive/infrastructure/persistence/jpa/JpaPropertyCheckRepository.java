package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.check.PropertyCheckRepository;

@ApplicationScoped
public class JpaPropertyCheckRepository implements PropertyCheckRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public PropertyCheck store(PropertyCheck check) {
        em.persist(check);
        em.flush();
        return check;
    }

    @Override
    public List<PropertyCheck> byCase(long caseId) {
        return em.createQuery(
                        "SELECT p FROM PropertyCheck p WHERE p.caseId = :c ORDER BY p.id DESC", PropertyCheck.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    @Override
    public Optional<PropertyCheck> find(long id) {
        return Optional.ofNullable(em.find(PropertyCheck.class, id));
    }
}
