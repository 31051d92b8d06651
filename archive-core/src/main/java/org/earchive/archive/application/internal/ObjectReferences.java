package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which objects the database refers to, read in short transactions and in key order so that an audit of millions of
 * objects keeps bounded memory.
 */
@Stateless
public class ObjectReferences {
    @PersistenceContext(unitName = "earchive")
    EntityManager em;

    /** A referenced object and the digests recorded for it. */
    public record Reference(String key, String sha256, String sm3, long size) {}

    public List<Reference> page(String afterKey, int limit) {
        List<Object[]> rows = em.createQuery(
                        "SELECT d.objectKey, MIN(d.sha256), MIN(d.sm3), MIN(d.sizeBytes) FROM CaseDocument d"
                                + " WHERE d.objectKey > :after AND d.disposedAt IS NULL GROUP BY d.objectKey ORDER BY d.objectKey",
                        Object[].class)
                .setParameter("after", afterKey)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Reference((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()))
                .toList();
    }

    /** The subset of {@code keys} that some row refers to. */
    public Set<String> referenced(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "SELECT DISTINCT d.objectKey FROM CaseDocument d WHERE d.objectKey IN :keys AND d.disposedAt IS NULL",
                        String.class)
                .setParameter("keys", keys)
                .getResultList());
    }
}
