package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
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

    /** The claimed rows as entities, in one query (the native select above has locked them). */
    private List<OutboxMessage> found(List<Number> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "SELECT m FROM OutboxMessage m WHERE m.id IN :ids AND m.deliveredAt IS NULL ORDER BY m.id",
                        OutboxMessage.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList())
                .getResultList();
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
    public int purgeDelivered(Instant before) {
        return em.createQuery("DELETE FROM OutboxMessage m WHERE m.deliveredAt IS NOT NULL AND m.deliveredAt < :b")
                .setParameter("b", before)
                .executeUpdate();
    }
}
