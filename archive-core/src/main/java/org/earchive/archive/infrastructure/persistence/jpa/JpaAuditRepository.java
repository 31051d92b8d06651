package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.earchive.archive.domain.model.audit.AuditEvent;
import org.earchive.archive.domain.model.audit.AuditHead;
import org.earchive.archive.domain.model.audit.AuditRepository;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public AuditHead lockHead() {
        return em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public AuditHead head() {
        return em.createQuery("SELECT h FROM AuditHead h WHERE h.id = :id", AuditHead.class)
                .setParameter("id", AuditHead.ID)
                .setHint("eclipselink.refresh", "true")
                .getSingleResult();
    }

    @Override
    public void store(AuditEvent event) {
        em.persist(event);
    }

    @Override
    public List<AuditEvent> page(long afterSeq, int limit) {
        // Read-only: a verification of millions of events must not fill the persistence context.
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.seq > :after ORDER BY e.seq", AuditEvent.class)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .setHint("eclipselink.refresh", "true")
                .getResultList();
    }

    @Override
    public List<AuditEvent> latest(int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e ORDER BY e.seq DESC", AuditEvent.class)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public List<AuditEvent> about(Collection<String> targets, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.target IN :t ORDER BY e.seq", AuditEvent.class)
                .setParameter("t", targets)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public Set<String> actionsAbout(Collection<String> targets) {
        Set<String> seen = new HashSet<>();
        em.createQuery("SELECT e.target, e.action FROM AuditEvent e WHERE e.target IN :targets", Object[].class)
                .setParameter("targets", targets)
                .getResultList()
                .forEach(r -> seen.add(r[0] + "|" + r[1]));
        return seen;
    }
}
