package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;
import org.earchive.archive.domain.model.record.ArchiveSeries;

@ApplicationScoped
public class JpaArchiveRepository implements ArchiveRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public ArchiveSeries lockSeries(String seriesKey) {
        ArchiveSeries s = em.find(ArchiveSeries.class, seriesKey, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw new IllegalStateException("Archive series " + seriesKey + " does not exist; create it first");
        }
        return s;
    }

    @Override
    public boolean createSeriesIfAbsent(String seriesKey) {
        if (em.find(ArchiveSeries.class, seriesKey) != null) {
            return false;
        }
        em.persist(new ArchiveSeries(seriesKey));
        em.flush();
        return true;
    }

    @Override
    public void store(ArchiveRecord record) {
        em.persist(record);
    }

    @Override
    public Optional<ArchiveRecord> find(String archiveNumber) {
        return em.createQuery("SELECT r FROM ArchiveRecord r WHERE r.archiveNumber = :n", ArchiveRecord.class)
                .setParameter("n", archiveNumber)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ArchiveRecord> findForUpdate(String archiveNumber) {
        return em.createQuery("SELECT r FROM ArchiveRecord r WHERE r.archiveNumber = :n", ArchiveRecord.class)
                .setParameter("n", archiveNumber)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ArchiveRecord> byCitizen(String citizenId) {
        return em.createQuery(
                        "SELECT r FROM ArchiveRecord r WHERE r.citizenId = :c ORDER BY r.archivedAt, r.archiveNumber",
                        ArchiveRecord.class)
                .setParameter("c", citizenId)
                .getResultList();
    }

    @Override
    public Optional<ArchiveRecord> bySource(String office, String number) {
        return em.createQuery(
                        "SELECT r FROM ArchiveRecord r WHERE r.sourceOffice = :o AND r.sourceArchiveNumber = :n",
                        ArchiveRecord.class)
                .setParameter("o", office)
                .setParameter("n", number)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ArchiveRecord> archivedBetween(Instant from, Instant to, long afterId, int limit) {
        return em.createQuery(
                        "SELECT r FROM ArchiveRecord r WHERE r.archivedAt >= :f AND r.archivedAt < :t AND r.id > :a ORDER BY r.id",
                        ArchiveRecord.class)
                .setParameter("f", from)
                .setParameter("t", to)
                .setParameter("a", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public boolean isArchived(long documentId) {
        return !em.createQuery("SELECT r.id FROM ArchiveRecord r WHERE r.documentId = :d", Long.class)
                .setParameter("d", documentId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<ArchiveRecord> byCase(long caseId) {
        return em.createQuery(
                        "SELECT r FROM ArchiveRecord r WHERE r.caseId = :c ORDER BY r.archiveNumber",
                        ArchiveRecord.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    @Override
    public List<Object[]> pageWithCases(long afterId, int limit) {
        return em.createQuery(
                        "SELECT r, c FROM ArchiveRecord r, BusinessCase c WHERE c.id = r.caseId AND r.id > :after ORDER BY r.id",
                        Object[].class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList();
    }

    @Override
    public List<Long> items(String seriesKey) {
        return em.createQuery(
                        "SELECT r.itemNo FROM ArchiveRecord r WHERE r.seriesKey = :s ORDER BY r.itemNo", Long.class)
                .setParameter("s", seriesKey)
                .getResultList();
    }

    @Override
    public List<ArchiveRecord> dueOn(LocalDate day, long afterId, int limit) {
        return em.createQuery(
                        "SELECT r FROM ArchiveRecord r WHERE r.id > :after AND r.retainUntil IS NOT NULL AND r.retainUntil < :day"
                                + " AND r.legalHold = FALSE AND r.disposedAt IS NULL ORDER BY r.id",
                        ArchiveRecord.class)
                .setParameter("after", afterId)
                .setParameter("day", day)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<ArchiveRecord> byDocument(long documentId) {
        return em.createQuery("SELECT r FROM ArchiveRecord r WHERE r.documentId = :d", ArchiveRecord.class)
                .setParameter("d", documentId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Map<String, Boolean> restrictedOrDisposed(Collection<String> archiveNumbers) {
        Map<String, Boolean> found = new HashMap<>();
        if (archiveNumbers.isEmpty()) {
            return found;
        }
        List<Object[]> rows = em.createQuery(
                        "SELECT r.archiveNumber, r.restricted, r.disposedAt FROM ArchiveRecord r WHERE r.archiveNumber IN :n",
                        Object[].class)
                .setParameter("n", archiveNumbers)
                .getResultList();
        for (Object[] row : rows) {
            if (Boolean.TRUE.equals(row[1]) || row[2] != null) {
                found.put((String) row[0], row[2] != null);
            }
        }
        return found;
    }

    @Override
    public boolean anotherHolds(String objectKey, String archiveNumber) {
        return em.createQuery(
                                "SELECT COUNT(r) FROM ArchiveRecord r WHERE r.objectKey = :k AND r.archiveNumber <> :n AND r.legalHold = TRUE",
                                Long.class)
                        .setParameter("k", objectKey)
                        .setParameter("n", archiveNumber)
                        .getSingleResult()
                > 0;
    }

    @Override
    public List<ArchiveRecord> reusable(String citizenId, Collection<String> materials, int limit) {
        return em.createQuery(
                        "SELECT r FROM ArchiveRecord r WHERE r.citizenId = :id AND r.disposedAt IS NULL AND r.restricted = FALSE"
                                + " AND r.materialCode IN :m ORDER BY r.archivedAt DESC",
                        ArchiveRecord.class)
                .setParameter("id", citizenId)
                .setParameter("m", materials)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
