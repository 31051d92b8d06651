package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.earchive.archive.application.port.CaseQueries;

/** The case lists as native SQL that H2 and PostgreSQL both run, on the indexes of V16 (hall, status, accepted_at). */
@ApplicationScoped
public class SqlCaseQueries implements CaseQueries {
    /** Undecided: at the counter, waiting for or with a reviewer, sent back for a supplement. */
    static final String OPEN = "('ACCEPTED', 'SUBMITTED', 'ASSIGNED', 'SUPPLEMENT_REQUESTED')";

    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public List<Long> find(Filter filter, int offset, int limit) {
        Where w = where(filter);
        String order = filter.deadlineFirst() ? " ORDER BY due_at, id" : " ORDER BY accepted_at DESC, id DESC";
        Query q = em.createNativeQuery("SELECT id FROM business_case" + w.sql + order + " LIMIT " + Math.max(1, limit)
                + " OFFSET " + Math.max(0, offset));
        List<Long> ids = new ArrayList<>();
        for (Object id : w.bind(q).getResultList()) {
            ids.add(NativeSql.number(id));
        }
        return ids;
    }

    @Override
    public long count(Filter filter) {
        Where w = where(filter);
        return NativeSql.number(w.bind(em.createNativeQuery("SELECT COUNT(*) FROM business_case" + w.sql))
                .getSingleResult());
    }

    private static Where where(Filter f) {
        Where w = new Where();
        if (f.hall() != null) {
            w.and("hall = ?", f.hall());
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            List<String> statuses = List.copyOf(f.statuses());
            StringBuilder in = new StringBuilder("status IN (");
            for (int i = 0; i < statuses.size(); i++) {
                in.append(i == 0 ? "?" : ", ?");
            }
            w.and(in.append(')').toString(), statuses.toArray());
        }
        if (f.acceptedBy() != null) {
            w.and("accepted_by = ?", f.acceptedBy());
        }
        if (f.applicantId() != null) {
            w.and("applicant_id_number = ?", f.applicantId());
        }
        if (f.applicantName() != null) {
            w.and("applicant_name LIKE ?", "%" + f.applicantName().replaceAll("[%_\\\\]", "") + "%");
        }
        if (f.acceptedFrom() != null) {
            w.and("accepted_at >= ?", NativeSql.utc(f.acceptedFrom()));
        }
        if (f.acceptedBefore() != null) {
            w.and("accepted_at < ?", NativeSql.utc(f.acceptedBefore()));
        }
        if (f.returned()) {
            w.and("status IN ('SUPPLEMENT_REQUESTED', 'REJECTED')");
        }
        if (f.promisedBy() != null) {
            w.and(
                    "supplement_promised IS NOT NULL AND supplement_received_at IS NULL AND supplement_promised <= ?"
                            + " AND (status IN " + OPEN + " OR status = 'AWAITING_MATERIALS')",
                    Date.valueOf(f.promisedBy()));
        }
        if (f.overdueAt() != null) {
            w.and("status IN " + OPEN + " AND due_at < ?", NativeSql.utc(f.overdueAt()));
        }
        return w;
    }

    /** A WHERE clause and its values, numbered in order. */
    private static final class Where {
        private final StringBuilder conditions = new StringBuilder();
        private final List<Object> values = new ArrayList<>();
        private String sql = "";

        void and(String condition, Object... bound) {
            String numbered = condition;
            for (Object v : bound) {
                values.add(v);
                numbered = numbered.replaceFirst("\\?(?!\\d)", "?" + values.size());
            }
            conditions.append(conditions.length() == 0 ? " WHERE " : " AND ").append(numbered);
            sql = conditions.toString();
        }

        Query bind(Query q) {
            for (int i = 0; i < values.size(); i++) {
                q.setParameter(i + 1, values.get(i));
            }
            return q;
        }
    }
}
