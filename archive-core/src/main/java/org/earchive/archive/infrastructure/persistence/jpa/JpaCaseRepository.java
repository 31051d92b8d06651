package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.cases.CaseDayCounter;
import org.earchive.archive.domain.model.cases.CaseEvent;
import org.earchive.archive.domain.model.cases.CaseRepository;
import org.earchive.archive.domain.model.cases.CaseStatus;

@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {
    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public Optional<BusinessCase> find(String caseNumber) {
        return em.createQuery("SELECT c FROM BusinessCase c WHERE c.caseNumber = :n", BusinessCase.class)
                .setParameter("n", caseNumber)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<BusinessCase> findForUpdate(String caseNumber) {
        return em.createQuery("SELECT c FROM BusinessCase c WHERE c.caseNumber = :n", BusinessCase.class)
                .setParameter("n", caseNumber)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<BusinessCase> assignedTo(String reviewer) {
        return em.createQuery(
                        "SELECT c FROM BusinessCase c WHERE c.assignedTo = :r AND c.status = :s ORDER BY c.dueAt",
                        BusinessCase.class)
                .setParameter("r", reviewer)
                .setParameter("s", CaseStatus.ASSIGNED)
                .getResultList();
    }

    @Override
    public Map<String, Long> openLoad(Collection<String> reviewers) {
        Map<String, Long> load = new HashMap<>();
        if (reviewers.isEmpty()) {
            return load;
        }
        for (Object[] row : em.createQuery(
                        "SELECT c.assignedTo, COUNT(c) FROM BusinessCase c WHERE c.status = :s AND c.assignedTo IN :r"
                                + " GROUP BY c.assignedTo",
                        Object[].class)
                .setParameter("s", CaseStatus.ASSIGNED)
                .setParameter("r", reviewers)
                .getResultList()) {
            load.put((String) row[0], ((Number) row[1]).longValue());
        }
        return load;
    }

    @Override
    public List<BusinessCase> waitingForReviewer(int limit) {
        return em.createQuery("SELECT c FROM BusinessCase c WHERE c.status = :s ORDER BY c.dueAt", BusinessCase.class)
                .setParameter("s", CaseStatus.SUBMITTED)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<String> approvedBefore(Instant before, int limit) {
        // Filtered in Java: the converted Instant column is not compared in JPQL (drivers bind time types differently),
        // and neither is the boolean: EclipseLink binds false as 0, which H2 2 will not compare with a boolean column —
        // the embedded default's workflow round failed on it every time, so an archiving a crash interrupted was never
        // resumed there (found by the fault trials).
        List<BusinessCase> approved = em
                .createQuery("SELECT c FROM BusinessCase c WHERE c.status = :s ORDER BY c.id", BusinessCase.class)
                .setParameter("s", CaseStatus.APPROVED)
                .setMaxResults(Math.max(limit * 4, 200))
                .getResultList()
                .stream()
                .filter(c -> c.decidedAt() != null && c.decidedAt().isBefore(before))
                .toList();
        if (approved.isEmpty()) {
            return List.of();
        }
        // a dossier whose last four-property check failed waits for an archivist, not for the schedule — unless the
        // check failed only because the virus scanner did not answer (the round tries again once it is back)
        Map<Long, Object[]> newest = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT p.caseId, p.passed, p.outage, p.checkedAt FROM PropertyCheck p WHERE p.caseId IN :ids",
                        Object[].class)
                .setParameter("ids", approved.stream().map(BusinessCase::id).toList())
                .getResultList()) {
            // the newest by time (ids come from per-node blocks of the sequence, not in order across nodes)
            newest.merge(
                    ((Number) row[0]).longValue(), row, (a, b) -> ((Instant) a[3]).isAfter((Instant) b[3]) ? a : b);
        }
        Set<Long> failed = new HashSet<>();
        newest.forEach((caseId, row) -> {
            if (!Boolean.TRUE.equals(row[1]) && !Boolean.TRUE.equals(row[2])) {
                failed.add(caseId);
            }
        });
        return approved.stream()
                .filter(c -> !failed.contains(c.id()))
                .limit(limit)
                .map(BusinessCase::caseNumber)
                .toList();
    }

    @Override
    public List<BusinessCase> archivedOfEmployer(String creditCode, int limit) {
        return em.createQuery(
                        "SELECT c FROM BusinessCase c WHERE c.employerCode = :e AND c.status = :s ORDER BY c.id DESC",
                        BusinessCase.class)
                .setParameter("e", creditCode)
                .setParameter("s", CaseStatus.ARCHIVED)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<String> awaitingMaterials(int limit) {
        return em.createQuery("SELECT c.caseNumber FROM BusinessCase c WHERE c.status = :s ORDER BY c.id", String.class)
                .setParameter("s", CaseStatus.AWAITING_MATERIALS)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void record(CaseEvent event) {
        // The event refers to the case by id only: write the case's pending insert or update first.
        em.flush();
        em.persist(event);
    }

    @Override
    public List<CaseEvent> history(long caseId) {
        return em.createQuery(
                        "SELECT e FROM CaseEvent e WHERE e.caseId = :c ORDER BY e.occurredAt, e.id", CaseEvent.class)
                .setParameter("c", caseId)
                .getResultList();
    }

    @Override
    public Optional<BusinessCase> findById(long id) {
        return Optional.ofNullable(em.find(BusinessCase.class, id));
    }

    @Override
    public long count() {
        return em.createQuery("SELECT COUNT(c) FROM BusinessCase c", Long.class).getSingleResult();
    }

    @Override
    public BusinessCase store(BusinessCase businessCase) {
        // EclipseLink assigns the sequence id at persist time, so the caller can number the case before the insert.
        em.persist(businessCase);
        return businessCase;
    }

    @Override
    public Optional<CaseDayCounter> lockDay(String day) {
        return Optional.ofNullable(em.find(CaseDayCounter.class, day, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean createDayIfAbsent(String day) {
        if (em.find(CaseDayCounter.class, day) != null) {
            return false;
        }
        em.persist(new CaseDayCounter(day));
        em.flush();
        return true;
    }
}
