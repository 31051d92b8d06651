package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.domain.model.outbox.OutboxMessage;
import org.earchive.archive.domain.model.outbox.OutboxRepository;

@ApplicationScoped
public class JpaOutboxRepository implements OutboxRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public void store(OutboxMessage message) {
        em.persist(message);
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM outbox WHERE delivered_at IS NULL AND next_at <= ?"
                        + " ORDER BY id LIMIT " + Math.max(1, limit) + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .getResultList();
        return found(ids);
    }

    private List<OutboxMessage> found(List<Number> ids) {
        List<OutboxMessage> claimed = new ArrayList<>();
        for (Number id : ids) {
            OutboxMessage m = em.find(OutboxMessage.class, id.longValue());
            if (m != null && m.deliveredAt() == null) {
                claimed.add(m);
            }
        }
        return claimed;
    }

    @Override
    public List<OutboxMessage> claimForCase(String caseNumber) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM outbox WHERE delivered_at IS NULL AND case_number = ?"
                        + " ORDER BY id FOR UPDATE")
                .setParameter(1, caseNumber)
                .getResultList();
        return found(ids);
    }

    @Override
    public long pending() {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMessage m WHERE m.deliveredAt IS NULL", Long.class)
                .getSingleResult();
    }

    @Override
    public int purgeDelivered(Instant before) {
        return em.createQuery("DELETE FROM OutboxMessage m WHERE m.deliveredAt IS NOT NULL AND m.deliveredAt < :b")
                .setParameter("b", before)
                .executeUpdate();
    }
}
