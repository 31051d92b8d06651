package org.earchive.archive.application.dto;

import java.time.Instant;

/**
 * The server-side capture queue across the cluster.
 *
 * @param oldestWaitingSince when the oldest job not yet done was queued, or null
 * @param pagesLastHour archival pages made in the last hour (pages per minute: divide by 60)
 */
public record CaptureQueueView(
        long queued,
        long running,
        Instant oldestWaitingSince,
        long doneLastHour,
        long pagesLastHour,
        long failedLastHour) {}
