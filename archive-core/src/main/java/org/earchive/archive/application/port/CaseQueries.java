package org.earchive.archive.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Cases found by what a counter or a back office looks for, filtered, ordered and paged in the database. */
public interface CaseQueries {
    /** Which cases a list shows; every field but the page may be null (no condition). */
    record Filter(
            String hall,
            Set<String> statuses,
            String acceptedBy,
            String applicantId,
            String applicantName,
            Instant acceptedFrom,
            Instant acceptedBefore,
            boolean returned,
            LocalDate promisedBy,
            Instant overdueAt,
            boolean deadlineFirst) {}

    /** Case ids in the list's order, one page of them. */
    List<Long> find(Filter filter, int offset, int limit);

    long count(Filter filter);
}
