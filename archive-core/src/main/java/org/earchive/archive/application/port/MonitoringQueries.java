package org.earchive.archive.application.port;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.earchive.archive.application.dto.MonitoringView;

/** Aggregates over cases and records, computed in the database (group by), never by loading cases one by one. */
public interface MonitoringQueries {
    /** Cases accepted since {@code since}, per channel. */
    Map<String, Long> acceptedByChannel(OffsetDateTime since);

    /** Cases accepted since {@code since}, per hall ({@code -} for none). */
    Map<String, Long> acceptedByHall(OffsetDateTime since);

    /** Cases not yet archived, per status. */
    Map<String, Long> backlog();

    /** Cases still being handled whose deadline is before {@code now}. */
    long overdue(OffsetDateTime now);

    /** Every reviewer with the cases assigned to them and how many of those are overdue at {@code now}. */
    List<MonitoringView.ReviewerLoad> reviewerLoads(OffsetDateTime now);

    /** Approved cases whose dossier failed a four-property check (they wait for a repair before archiving). */
    long blockedByChecks();

    /** Records not destroyed, and their bytes. */
    long[] liveRecordsAndBytes();
}
