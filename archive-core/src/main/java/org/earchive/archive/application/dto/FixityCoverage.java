package org.earchive.archive.application.dto;

import java.time.Instant;
import java.util.List;

/**
 * The integrity screen's view of the incremental fixity check: of the {@code objects} stored, how many were verified
 * within the current cycle (the last {@code cycleDays}), never yet, due now; the oldest last verification (which must
 * stay younger than the cycle); the objects whose last verification failed.
 */
public record FixityCoverage(
        long cycleDays,
        long objects,
        long verifiedInCycle,
        double percent,
        long neverVerified,
        long dueNow,
        Instant oldestVerification,
        long failingCount,
        List<Failing> failing) {

    /** @param outcome MISMATCH or MISSING */
    public record Failing(String objectKey, String outcome, String detail, Instant at) {}
}
