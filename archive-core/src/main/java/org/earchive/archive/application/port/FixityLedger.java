package org.earchive.archive.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When each stored object was last verified and when it is next due, in the shared database, so that workers on
 * every node take disjoint slices of the archive and a cycle's coverage can be shown. Every method runs in the
 * caller's transaction.
 */
public interface FixityLedger {
    /** Enters an object (due at {@code dueAt}) unless it is there already. */
    void enter(String objectKey, Instant dueAt);

    /**
     * Claims up to {@code limit} objects due by {@code now}, most overdue first, skipping rows another node is
     * claiming, and moves their due date to {@code leaseUntil}: if the claimant dies they fall due again then.
     */
    List<String> claimDue(Instant now, int limit, Instant leaseUntil, String node);

    /** Records a verification's outcome ({@link Outcome}) and when the object is next due. */
    void verified(String objectKey, Instant at, Outcome outcome, String detail, Instant nextDue);

    /** Makes these objects due at {@code now} (an operator's "verify these again now"); returns how many exist. */
    int dueNow(Collection<String> objectKeys, Instant now);

    /** One object's entry, empty if the ledger has none. */
    Optional<Entry> entry(String objectKey);

    /** Leaves out objects no live document refers to any more (disposed). */
    void forget(Collection<String> objectKeys);

    /** The cycle's coverage: objects verified since {@code cycleStart}, never verified, due, failing. */
    Coverage coverage(Instant cycleStart, Instant now, int failingLimit);

    enum Outcome {
        OK,
        MISMATCH,
        MISSING
    }

    /**
     * @param oldestVerification the earliest last verification of an object verified at least once, null if none
     * @param failing objects whose last verification failed, most recent first, at most the limit asked
     */
    record Coverage(
            long objects,
            long verifiedInCycle,
            long neverVerified,
            long dueNow,
            Instant oldestVerification,
            long failingCount,
            List<Failing> failing) {}

    /** @param verifiedAt null until first verified; outcome null likewise */
    record Entry(String objectKey, Instant dueAt, Instant verifiedAt, Outcome outcome, String detail) {}

    record Failing(String objectKey, Outcome outcome, String detail, Instant at) {}
}
