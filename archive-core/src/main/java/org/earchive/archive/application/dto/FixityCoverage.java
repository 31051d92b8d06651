package org.earchive.archive.application.dto;

import java.time.Instant;
import java.util.List;

/**
 * The integrity screen's view of the incremental fixity check: of the {@code objects} stored, how many were verified
 * within the current cycle (the last {@code cycleDays}), never yet, due now; the oldest last verification (which must
 * stay younger than the cycle); the objects whose last verification failed; the orphan scan's progress.
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
        List<Failing> failing,
        OrphanScan orphanScan) {

    /**
     * Where the orphan scan stands: keys scanned in the current pass (begun at {@code passStartedAt}), the last pass's
     * end and size, the orphans recorded (the first few named).
     */
    public record OrphanScan(
            Instant passStartedAt,
            long scannedInPass,
            long passes,
            Instant lastPassEndedAt,
            long lastPassScanned,
            long orphans,
            List<String> orphanKeys) {}

    /** @param outcome MISMATCH or MISSING */
    public record Failing(String objectKey, String outcome, String detail, Instant at) {}
}
