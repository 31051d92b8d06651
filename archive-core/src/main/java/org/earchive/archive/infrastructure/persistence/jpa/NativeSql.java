package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the ledgers' native SQL needs on H2 and PostgreSQL alike: an IN list of numbered parameters, instants bound as
 * UTC, and the timestamp types the two drivers hand back read as instants.
 */
final class NativeSql {
    private NativeSql() {}

    /** {@code (?from, ?from+1, …)}: EclipseLink binds no list to a native query's IN. */
    static String marks(int from, List<String> keys) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "?" : ", ?").append(from + i);
        }
        return b.append(')').toString();
    }

    static Query bind(Query query, int from, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter(from + i, keys.get(i));
        }
        return query;
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return Instant.parse(o.toString());
    }
}
