package org.earchive.archive.application.dto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the monitoring screen shows: today's cases by channel and hall, the backlog by state, overdue cases, the load
 * of each reviewer, archiving waiting or blocked, the records and bytes archived, and the depth of the processing
 * queues ({@code assignment}: submitted cases no reviewer has yet; {@code archiving}: approved cases whose archiving
 * the schedule has still to finish; {@code blocked}: approved cases a failed four-property check holds back).
 */
public record MonitoringView(
        Instant at,
        long casesToday,
        Map<String, Long> todayByChannel,
        Map<String, Long> todayByHall,
        Map<String, Long> backlogByState,
        long overdue,
        List<ReviewerLoad> reviewers,
        long archivingBlocked,
        long records,
        long archivedBytes,
        Map<String, Long> queues) {

    public record ReviewerLoad(
            String reviewer, String displayName, boolean absent, long openTasks, long overdueTasks) {}
}
