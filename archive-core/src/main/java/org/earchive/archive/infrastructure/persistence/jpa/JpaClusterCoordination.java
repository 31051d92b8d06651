package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import org.earchive.archive.application.port.ClusterCoordination;
import org.earchive.archive.infrastructure.config.EarchiveSettings;

/** Ticks as conditional updates and locks as rows locked FOR UPDATE, in the shared database (H2 or PostgreSQL). */
@ApplicationScoped
public class JpaClusterCoordination implements ClusterCoordination {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Inject
    EarchiveSettings settings;

    private Boolean h2;

    @Override
    public boolean claimTick(String job, long tick, String holder) {
        int updated = em.createNativeQuery("UPDATE job_tick SET last_tick = ?, holder = ?, claimed_at = ?"
                        + " WHERE job = ? AND last_tick < ?")
                .setParameter(1, tick)
                .setParameter(2, holder)
                .setParameter(3, Instant.now().atOffset(ZoneOffset.UTC))
                .setParameter(4, job)
                .setParameter(5, tick)
                .executeUpdate();
        if (updated == 1) {
            em.createNativeQuery("INSERT INTO job_run (job, tick, holder, started_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, job)
                    .setParameter(2, tick)
                    .setParameter(3, holder)
                    .setParameter(4, Instant.now().atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
        return updated == 1;
    }

    @Override
    public void lock(String name) {
        if (em.createNativeQuery("SELECT name FROM cluster_lock WHERE name = ? FOR UPDATE")
                .setParameter(1, name)
                .getResultList()
                .isEmpty()) {
            throw new IllegalStateException("No cluster lock named " + name + " (add its row in a migration)");
        }
    }

    @Override
    public void lockObject(String objectKey) {
        if (h2()) {
            return; // the embedded database serves one instance only (cluster mode refuses it): the JVM's lock suffices
        }
        // one statement that creates the key's row or, if it exists, writes it: either way the row stays locked until
        // the transaction ends
        em.createNativeQuery("INSERT INTO object_lock (object_key) VALUES (?)"
                        + " ON CONFLICT (object_key) DO UPDATE SET object_key = EXCLUDED.object_key")
                .setParameter(1, objectKey)
                .executeUpdate();
    }

    private boolean h2() {
        if (h2 == null) {
            h2 = settings.usesH2();
        }
        return h2;
    }
}
