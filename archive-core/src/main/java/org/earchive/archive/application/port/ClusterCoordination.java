package org.earchive.archive.application.port;

/**
 * What several instances over one database agree on through it: which node runs a scheduled tick, and named locks
 * held until the caller's transaction ends. On a single node the answers are the same, so the code does not branch.
 */
public interface ClusterCoordination {
    /**
     * Claims tick {@code tick} of {@code job} for {@code holder}: true for exactly one caller per tick cluster-wide (the
     * first to move the job's last tick forward), false for every other node and for a tick already run. A claimed
     * tick is recorded as a run of the job on that holder.
     */
    boolean claimTick(String job, long tick, String holder);

    /** Waits for, then holds until the current transaction ends, the named lock (a known name: see the migrations). */
    void lock(String name);

    /**
     * Holds, until the current transaction ends, the lock of one stored object's key: recording a row for the object
     * and removing an object nothing refers to take it, so that on no node does a failed upload's clean-up delete bytes
     * another upload has just recorded.
     */
    void lockObject(String objectKey);
}
