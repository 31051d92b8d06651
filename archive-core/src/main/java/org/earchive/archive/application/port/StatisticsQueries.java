package org.earchive.archive.application.port;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Handling figures computed in the database (group by and percentiles), never by loading cases one by one. */
public interface StatisticsQueries {
    /** What to group by: a column of the case, or its acceptance day in the office's zone. */
    enum Group {
        BUSINESS_TYPE,
        HALL,
        CHANNEL,
        REVIEWER,
        DAY,
        NONE
    }

    /** The figures of one group, as counted; rates and labels are the caller's. */
    record Figures(
            String key,
            long accepted,
            long decided,
            long archived,
            long rejected,
            long withdrawn,
            long supplemented,
            long overdue,
            Double decisionP50Seconds,
            Double decisionP90Seconds,
            Double archivingP50Seconds,
            Double archivingP90Seconds) {}

    /**
     * Cases accepted in [{@code from}, {@code before}), optionally of one hall, grouped; overdue counts undecided cases
     * whose deadline is before {@code now}.
     */
    List<Figures> cases(Instant from, Instant before, String hall, Group group, ZoneId zone, Instant now);
}
