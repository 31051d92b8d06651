package org.earchive.archive.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where the orphan scan stands (the last key it reached in the store's order, its passes) and the orphans it found,
 * in the shared database. Every method runs in the caller's transaction.
 */
public interface OrphanLedger {
    /** @param lastPassEndedAt null before the first pass ends */
    record Scan(
            String afterKey,
            Instant passStartedAt,
            long scanned,
            long passes,
            Instant lastPassEndedAt,
            long lastPassScanned) {}

    Scan scan();

    /** Moves the scan past {@code afterKey}, {@code scanned} keys further; or, if {@code passEnded}, starts a new pass. */
    void advance(String afterKey, long scanned, boolean passEnded, Instant now);

    /** Records orphans (unless recorded already). */
    void found(Collection<Orphan> orphans, Instant now);

    /** Forgets these keys as orphans (removed, or referenced again). */
    void cleared(Collection<String> keys);

    /** Recorded orphans, oldest found first. */
    List<Orphan> orphans(int limit);

    long count();

    record Orphan(String key, Instant storedAt) {}
}
