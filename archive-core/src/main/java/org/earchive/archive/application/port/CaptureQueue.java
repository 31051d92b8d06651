package org.earchive.archive.application.port;

import java.time.Instant;
import java.util.List;

/**
 * The server-side capture jobs (one per original that is not archive-ready), shared by every node: claimed with SKIP
 * LOCKED under a lease, so any worker takes the next job, a job whose worker died is due again at its lease's end, and
 * a job no worker can finish ends failed after {@link #MAX_ATTEMPTS} claims.
 */
public interface CaptureQueue {
    String QUEUED = "QUEUED";
    String RUNNING = "RUNNING";
    String DONE = "DONE";
    String FAILED = "FAILED";
    /** Claims of one job before it is given up (a file that kills every worker it meets). */
    int MAX_ATTEMPTS = 3;

    /** Queues the original {@code documentId} of case {@code caseId}, due at once. */
    void enqueue(long documentId, long caseId, Instant now);

    /**
     * Up to {@code limit} due jobs (queued, or running past their lease), oldest first, now running for {@code worker}
     * until {@code leaseUntil}; jobs already claimed {@link #MAX_ATTEMPTS} times end failed instead.
     */
    List<Job> claim(Instant now, int limit, Instant leaseUntil, String worker);

    /** The job, if any. */
    java.util.Optional<Job> job(long documentId);

    /** Marks the job done with its archival copy, unless it is done already or no longer this worker's. */
    boolean finish(long documentId, String worker, long resultDocumentId, int pages, Instant at);

    /** Marks the job failed with the pipeline's code, unless it is done already or no longer this worker's. */
    boolean fail(long documentId, String worker, String code, String message, Instant at);

    /** The jobs of a case's documents. */
    List<Job> ofCase(long caseId);

    /** Removes the job of a document removed from its case. */
    void forget(long documentId);

    /** The queue now, and what finished since {@code since}. */
    Depth depth(Instant since);

    record Job(
            long documentId,
            long caseId,
            String state,
            int attempts,
            String claimedBy,
            String errorCode,
            String errorMessage,
            Long resultDocumentId,
            Integer pages,
            Instant createdAt,
            Instant finishedAt) {}

    /**
     * @param oldestQueuedAt when the oldest job still waiting was queued, or null
     */
    record Depth(
            long queued, long running, long doneSince, long pagesSince, long failedSince, Instant oldestQueuedAt) {}
}
