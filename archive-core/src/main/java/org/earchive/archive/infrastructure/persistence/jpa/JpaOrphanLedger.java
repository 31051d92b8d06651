package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.earchive.archive.application.port.OrphanLedger;

/** The orphan scan's row ({@code orphan_scan}, V14) and the orphans found ({@code object_orphan}), in native SQL. */
@ApplicationScoped
public class JpaOrphanLedger implements OrphanLedger {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public Scan scan() {
        Object[] r = (Object[]) em.createNativeQuery("SELECT after_key, pass_started_at, scanned, passes,"
                        + " last_pass_ended_at, last_pass_scanned FROM orphan_scan WHERE name = 'store'")
                .getSingleResult();
        return new Scan(
                (String) r[0],
                NativeSql.instant(r[1]),
                ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(),
                NativeSql.instant(r[4]),
                r[5] == null ? 0 : ((Number) r[5]).longValue());
    }

    @Override
    public void advance(String afterKey, long scanned, boolean passEnded, Instant now) {
        if (passEnded) {
            em.createNativeQuery("UPDATE orphan_scan SET after_key = '', last_pass_scanned = scanned + ?,"
                            + " last_pass_ended_at = ?, pass_started_at = ?, scanned = 0, passes = passes + 1"
                            + " WHERE name = 'store'")
                    .setParameter(1, scanned)
                    .setParameter(2, NativeSql.utc(now))
                    .setParameter(3, NativeSql.utc(now))
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE orphan_scan SET after_key = ?, scanned = scanned + ? WHERE name = 'store'")
                    .setParameter(1, afterKey)
                    .setParameter(2, scanned)
                    .executeUpdate();
        }
    }

    @Override
    public void found(Collection<Orphan> orphans, Instant now) {
        if (orphans.isEmpty()) {
            return;
        }
        List<String> known = NativeSql.bind(
                        em.createNativeQuery("SELECT object_key FROM object_orphan WHERE object_key IN "
                                + NativeSql.marks(1, keys(orphans))),
                        1,
                        keys(orphans))
                .getResultList()
                .stream()
                .map(String.class::cast)
                .toList();
        for (Orphan o : orphans) {
            if (!known.contains(o.key())) {
                // a null time is bound as text: the cast gives PostgreSQL its type (the full audit knows no time)
                em.createNativeQuery("INSERT INTO object_orphan (object_key, stored_at, found_at)"
                                + " VALUES (?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?)")
                        .setParameter(1, o.key())
                        .setParameter(2, o.storedAt() == null ? null : NativeSql.utc(o.storedAt()))
                        .setParameter(3, NativeSql.utc(now))
                        .executeUpdate();
            }
        }
    }

    @Override
    public void cleared(Collection<String> keys) {
        List<String> list = List.copyOf(keys);
        for (int from = 0; from < list.size(); from += 500) {
            List<String> batch = list.subList(from, Math.min(list.size(), from + 500));
            NativeSql.bind(
                            em.createNativeQuery(
                                    "DELETE FROM object_orphan WHERE object_key IN " + NativeSql.marks(1, batch)),
                            1,
                            batch)
                    .executeUpdate();
        }
    }

    @Override
    public List<Orphan> orphans(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT object_key, stored_at FROM object_orphan"
                        + " ORDER BY found_at, object_key LIMIT " + Math.max(1, limit))
                .getResultList();
        return rows.stream()
                .map(r -> new Orphan((String) r[0], NativeSql.instant(r[1])))
                .toList();
    }

    @Override
    public long count() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM object_orphan")
                        .getSingleResult())
                .longValue();
    }

    private static List<String> keys(Collection<Orphan> orphans) {
        return orphans.stream().map(Orphan::key).toList();
    }
}
