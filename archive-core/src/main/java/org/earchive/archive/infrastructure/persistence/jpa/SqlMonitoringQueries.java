package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earchive.archive.application.dto.MonitoringView;
import org.earchive.archive.application.port.MonitoringQueries;

/** The monitoring aggregates as SQL over the tables (both H2 and PostgreSQL run it). */
@ApplicationScoped
public class SqlMonitoringQueries implements MonitoringQueries {
    /** States in which a case is still being handled, so it can be overdue. */
    static final String OPEN = "('ACCEPTED', 'SUBMITTED', 'ASSIGNED', 'SUPPLEMENT_REQUESTED')";

    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public Map<String, Long> acceptedByChannel(OffsetDateTime since) {
        return counts(
                "SELECT channel, COUNT(*) FROM business_case WHERE accepted_at >= ?1 GROUP BY channel ORDER BY channel",
                since);
    }

    @Override
    public Map<String, Long> acceptedByHall(OffsetDateTime since) {
        return counts(
                "SELECT COALESCE(hall, '-'), COUNT(*) FROM business_case WHERE accepted_at >= ?1 GROUP BY hall ORDER BY 1",
                since);
    }

    @Override
    public Map<String, Long> backlog() {
        return counts(
                "SELECT status, COUNT(*) FROM business_case WHERE status NOT IN ('ARCHIVED', 'WITHDRAWN', 'CLOSED') GROUP BY status ORDER BY status",
                null);
    }

    @Override
    public long overdue(OffsetDateTime now) {
        return number(
                em.createNativeQuery("SELECT COUNT(*) FROM business_case WHERE status IN " + OPEN + " AND due_at < ?1")
                        .setParameter(1, now)
                        .getSingleResult());
    }

    @Override
    public List<MonitoringView.ReviewerLoad> reviewerLoads(OffsetDateTime now) {
        List<MonitoringView.ReviewerLoad> reviewers = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.username, u.display_name, u.absent,"
                        + " (SELECT COUNT(*) FROM business_case c WHERE c.assigned_to = u.username AND c.status = 'ASSIGNED'),"
                        + " (SELECT COUNT(*) FROM business_case c WHERE c.assigned_to = u.username AND c.status = 'ASSIGNED' AND c.due_at < ?1)"
                        + " FROM app_user u WHERE EXISTS (SELECT 1 FROM app_user_role r WHERE r.username = u.username AND r.role = 'reviewer')"
                        + " ORDER BY u.username")
                .setParameter(1, now)
                .getResultList();
        for (Object[] r : rows) {
            reviewers.add(new MonitoringView.ReviewerLoad(
                    (String) r[0], (String) r[1], Boolean.TRUE.equals(r[2]), number(r[3]), number(r[4])));
        }
        return reviewers;
    }

    @Override
    public long blockedByChecks() {
        return number(em.createNativeQuery(
                        "SELECT COUNT(DISTINCT c.id) FROM business_case c JOIN property_check p ON p.case_id = c.id"
                                + " WHERE c.status = 'APPROVED' AND p.passed = FALSE")
                .getSingleResult());
    }

    @Override
    public long[] liveRecordsAndBytes() {
        Object[] archived = (Object[]) em.createNativeQuery(
                        "SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM archive_record WHERE disposed_at IS NULL")
                .getSingleResult();
        return new long[] {number(archived[0]), number(archived[1])};
    }

    private Map<String, Long> counts(String sql, Object parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            out.put(String.valueOf(r[0]), number(r[1]));
        }
        return out;
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
