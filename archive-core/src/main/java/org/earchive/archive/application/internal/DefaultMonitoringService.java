package org.earchive.archive.application.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earchive.archive.application.MonitoringService;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.MonitoringView;

/** Aggregates in the database (group by), never cases loaded one by one: cheap at a hundred thousand cases a day. */
@Stateless
public class DefaultMonitoringService implements MonitoringService {
    @Inject
    Settings settings;

    /** States in which a case is still being handled, so it can be overdue. */
    static final String OPEN = "('ACCEPTED', 'SUBMITTED', 'ASSIGNED', 'SUPPLEMENT_REQUESTED')";

    @PersistenceContext(unitName = "earchive")
    EntityManager em;

    @Override
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN, Roles.AUDITOR, Roles.ARCHIVIST})
    public MonitoringView summary() {
        Instant now = Instant.now();
        OffsetDateTime nowUtc = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime midnight = java.time.LocalDate.now(settings.zone())
                .atStartOfDay(settings.zone())
                .toOffsetDateTime();
        Map<String, Long> byChannel = counts(
                "SELECT channel, COUNT(*) FROM business_case WHERE accepted_at >= ?1 GROUP BY channel ORDER BY channel",
                midnight);
        Map<String, Long> byHall = counts(
                "SELECT COALESCE(hall, '-'), COUNT(*) FROM business_case WHERE accepted_at >= ?1 GROUP BY hall ORDER BY 1",
                midnight);
        Map<String, Long> backlog = counts(
                "SELECT status, COUNT(*) FROM business_case WHERE status <> 'ARCHIVED' GROUP BY status ORDER BY status",
                null);
        long overdue = number(
                em.createNativeQuery("SELECT COUNT(*) FROM business_case WHERE status IN " + OPEN + " AND due_at < ?1")
                        .setParameter(1, nowUtc)
                        .getSingleResult());
        List<MonitoringView.ReviewerLoad> reviewers = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.username, u.display_name, u.absent,"
                        + " (SELECT COUNT(*) FROM business_case c WHERE c.assigned_to = u.username AND c.status = 'ASSIGNED'),"
                        + " (SELECT COUNT(*) FROM business_case c WHERE c.assigned_to = u.username AND c.status = 'ASSIGNED' AND c.due_at < ?1)"
                        + " FROM app_user u WHERE EXISTS (SELECT 1 FROM app_user_role r WHERE r.username = u.username AND r.role = 'reviewer')"
                        + " ORDER BY u.username")
                .setParameter(1, nowUtc)
                .getResultList();
        for (Object[] r : rows) {
            reviewers.add(new MonitoringView.ReviewerLoad(
                    (String) r[0], (String) r[1], Boolean.TRUE.equals(r[2]), number(r[3]), number(r[4])));
        }
        long blocked = number(em.createNativeQuery(
                        "SELECT COUNT(DISTINCT c.id) FROM business_case c JOIN property_check p ON p.case_id = c.id"
                                + " WHERE c.status = 'APPROVED' AND p.passed = FALSE")
                .getSingleResult());
        Object[] archived = (Object[]) em.createNativeQuery(
                        "SELECT COUNT(*), COALESCE(SUM(size_bytes), 0) FROM archive_record WHERE disposed_at IS NULL")
                .getSingleResult();
        long casesToday = byChannel.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> queues = new LinkedHashMap<>();
        queues.put("assignment", backlog.getOrDefault("SUBMITTED", 0L));
        queues.put("archiving", Math.max(0, backlog.getOrDefault("APPROVED", 0L) - blocked));
        queues.put("blocked", blocked);
        return new MonitoringView(
                now,
                casesToday,
                byChannel,
                byHall,
                backlog,
                overdue,
                reviewers,
                blocked,
                number(archived[0]),
                number(archived[1]),
                queues);
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
