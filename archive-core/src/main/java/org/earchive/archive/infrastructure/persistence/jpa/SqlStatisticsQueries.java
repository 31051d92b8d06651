package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.application.port.StatisticsQueries;

/**
 * The handling figures as one grouped query that H2 and PostgreSQL both run: counts by status, the supplement loop
 * from the case events, and the times as ordered-set percentiles over epoch seconds (nulls, the cases that did not get
 * that far, are ignored). Dossiers received from other offices are not handled here and are left out.
 */
@ApplicationScoped
public class SqlStatisticsQueries implements StatisticsQueries {
    static final String DECIDED = "('APPROVED', 'AWAITING_MATERIALS', 'ARCHIVED', 'REJECTED', 'CLOSED')";

    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public List<Figures> cases(Instant from, Instant before, String hall, Group group, ZoneId zone, Instant now) {
        String key = key(group, zone.getRules().getOffset(from).getTotalSeconds());
        String decision = "CASE WHEN c.status IN " + DECIDED
                + " THEN EXTRACT(EPOCH FROM c.decided_at) - EXTRACT(EPOCH FROM c.accepted_at) END";
        String archiving = "CASE WHEN c.status = 'ARCHIVED' AND c.decided_at IS NOT NULL"
                + " THEN EXTRACT(EPOCH FROM c.archived_at) - EXTRACT(EPOCH FROM c.decided_at) END";
        String sql = "SELECT " + key + " AS k, COUNT(*),"
                + " SUM(CASE WHEN c.status IN " + DECIDED + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = 'ARCHIVED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status IN ('REJECTED', 'CLOSED') THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = 'WITHDRAWN' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.case_id IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN (c.status IN " + DECIDED + " AND c.decided_at > c.due_at)"
                + " OR (c.status IN " + SqlCaseQueries.OPEN + " AND c.due_at < ?3) THEN 1 ELSE 0 END),"
                + percentiles(decision) + ", " + percentiles(archiving)
                + " FROM business_case c"
                + " LEFT JOIN (SELECT DISTINCT case_id FROM case_event WHERE to_status = 'SUPPLEMENT_REQUESTED') s"
                + " ON s.case_id = c.id"
                + " WHERE c.accepted_at >= ?1 AND c.accepted_at < ?2 AND c.channel <> 'TRANSFER'"
                + (hall == null ? "" : " AND c.hall = ?4")
                + (group == Group.NONE ? "" : " GROUP BY " + key + " ORDER BY " + key);
        Query q = em.createNativeQuery(sql)
                .setParameter(1, NativeSql.utc(from))
                .setParameter(2, NativeSql.utc(before))
                .setParameter(3, NativeSql.utc(now));
        if (hall != null) {
            q.setParameter(4, hall);
        }
        List<Figures> figures = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            if (NativeSql.number(r[1]) == 0) {
                continue; // no case at all (the total of an empty period is one row of nulls)
            }
            figures.add(new Figures(
                    key(r[0], group),
                    NativeSql.number(r[1]),
                    NativeSql.number(r[2]),
                    NativeSql.number(r[3]),
                    NativeSql.number(r[4]),
                    NativeSql.number(r[5]),
                    NativeSql.number(r[6]),
                    NativeSql.number(r[7]),
                    seconds(r[8]),
                    seconds(r[9]),
                    seconds(r[10]),
                    seconds(r[11])));
        }
        return figures;
    }

    private static String percentiles(String expression) {
        return "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + expression + "),"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + expression + ")";
    }

    private static String key(Group group, int offsetSeconds) {
        return switch (group) {
            case BUSINESS_TYPE -> "c.business_type";
            case HALL -> "COALESCE(c.hall, '-')";
            case CHANNEL -> "c.channel";
            case REVIEWER -> "COALESCE(c.decided_by, '-')";
            // the day number in the office's zone, from epoch seconds: no zone name in SQL, which the two databases
            // read differently (an office zone with summer time shifts the hour around its changes)
            case DAY -> "FLOOR((EXTRACT(EPOCH FROM c.accepted_at) + " + offsetSeconds + ") / 86400)";
            case NONE -> "'*'";
        };
    }

    private static String key(Object k, Group group) {
        if (k == null) {
            return "-";
        }
        return group == Group.DAY ? LocalDate.ofEpochDay(NativeSql.number(k)).toString() : k.toString();
    }

    private static Double seconds(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
