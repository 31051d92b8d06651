package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.port.FixityLedger;
import org.earchive.archive.infrastructure.config.EarchiveSettings;

/** The ledger as the {@code object_fixity} table (V13), in native SQL that H2 and PostgreSQL both run. */
@ApplicationScoped
public class JpaFixityLedger implements FixityLedger {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Inject
    EarchiveSettings settings;

    @Override
    public void enter(String objectKey, Instant dueAt) {
        String sql = settings.usesH2()
                // one instance only on H2 (cluster mode refuses it), and the object's JVM lock is held
                ? "INSERT INTO object_fixity (object_key, due_at)"
                        + " SELECT CAST(?1 AS VARCHAR(100)), CAST(?2 AS TIMESTAMP WITH TIME ZONE)"
                        + " WHERE NOT EXISTS (SELECT 1 FROM object_fixity WHERE object_key = ?1)"
                : "INSERT INTO object_fixity (object_key, due_at) VALUES (?1, ?2) ON CONFLICT (object_key) DO NOTHING";
        em.createNativeQuery(sql)
                .setParameter(1, objectKey)
                .setParameter(2, NativeSql.utc(dueAt))
                .executeUpdate();
    }

    @Override
    public List<String> claimDue(Instant now, int limit, Instant leaseUntil, String node) {
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery("SELECT object_key FROM object_fixity WHERE due_at <= ?"
                        + " ORDER BY due_at, object_key LIMIT " + Math.max(1, limit) + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, NativeSql.utc(now))
                .getResultList();
        if (!keys.isEmpty()) {
            Query update = em.createNativeQuery(
                            "UPDATE object_fixity SET due_at = ?1, claimed_by = ?2 WHERE object_key IN "
                                    + NativeSql.marks(3, keys))
                    .setParameter(1, NativeSql.utc(leaseUntil))
                    .setParameter(2, node);
            NativeSql.bind(update, 3, keys).executeUpdate();
        }
        return keys;
    }

    @Override
    public void verified(String objectKey, Instant at, Outcome outcome, String detail, Instant nextDue) {
        em.createNativeQuery("UPDATE object_fixity SET verified_at = ?, outcome = ?, detail = ?, due_at = ?,"
                        + " verifications = verifications + 1 WHERE object_key = ?")
                .setParameter(1, NativeSql.utc(at))
                .setParameter(2, outcome.name())
                .setParameter(3, detail == null ? null : detail.substring(0, Math.min(400, detail.length())))
                .setParameter(4, NativeSql.utc(nextDue))
                .setParameter(5, objectKey)
                .executeUpdate();
    }

    @Override
    public int dueNow(Collection<String> objectKeys, Instant now) {
        if (objectKeys.isEmpty()) {
            return 0;
        }
        List<String> keys = List.copyOf(objectKeys);
        Query update = em.createNativeQuery(
                        "UPDATE object_fixity SET due_at = ?1 WHERE object_key IN " + NativeSql.marks(2, keys))
                .setParameter(1, NativeSql.utc(now));
        return NativeSql.bind(update, 2, keys).executeUpdate();
    }

    @Override
    public Optional<Entry> entry(String objectKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT due_at, verified_at, outcome, detail FROM object_fixity WHERE object_key = ?")
                .setParameter(1, objectKey)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Entry(
                        objectKey,
                        NativeSql.instant(r[0]),
                        NativeSql.instant(r[1]),
                        r[2] == null ? null : Outcome.valueOf((String) r[2]),
                        (String) r[3]));
    }

    @Override
    public void forget(Collection<String> objectKeys) {
        if (!objectKeys.isEmpty()) {
            List<String> keys = List.copyOf(objectKeys);
            NativeSql.bind(
                            em.createNativeQuery(
                                    "DELETE FROM object_fixity WHERE object_key IN " + NativeSql.marks(1, keys)),
                            1,
                            keys)
                    .executeUpdate();
        }
    }

    @Override
    public Coverage coverage(Instant cycleStart, Instant now, int failingLimit) {
        Object[] counts = (Object[]) em.createNativeQuery("SELECT count(*),"
                        + " sum(CASE WHEN verified_at >= ? THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN verified_at IS NULL THEN 1 ELSE 0 END),"
                        + " sum(CASE WHEN due_at <= ? THEN 1 ELSE 0 END),"
                        + " min(verified_at),"
                        + " sum(CASE WHEN outcome <> 'OK' THEN 1 ELSE 0 END) FROM object_fixity")
                .setParameter(1, NativeSql.utc(cycleStart))
                .setParameter(2, NativeSql.utc(now))
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> failing = em.createNativeQuery(
                        "SELECT object_key, outcome, detail, verified_at FROM object_fixity"
                                + " WHERE outcome <> 'OK' ORDER BY verified_at DESC LIMIT " + Math.max(1, failingLimit))
                .getResultList();
        return new Coverage(
                NativeSql.number(counts[0]),
                NativeSql.number(counts[1]),
                NativeSql.number(counts[2]),
                NativeSql.number(counts[3]),
                NativeSql.instant(counts[4]),
                NativeSql.number(counts[5]),
                failing.stream()
                        .map(r -> new Failing(
                                (String) r[0], Outcome.valueOf((String) r[1]), (String) r[2], NativeSql.instant(r[3])))
                        .toList());
    }
}
