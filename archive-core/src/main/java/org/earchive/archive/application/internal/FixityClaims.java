package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earchive.archive.application.port.FixityLedger;
import org.earchive.archive.application.port.OrphanLedger;

/**
 * The fixity and orphan ledgers' reads and writes, each in a short transaction of its own: a slice's reads of the store
 * hold no database lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FixityClaims {
    @Inject
    FixityLedger ledger;

    @Inject
    OrphanLedger orphans;

    public List<String> claim(Instant now, int limit, Instant leaseUntil, String node) {
        return ledger.claimDue(now, limit, leaseUntil, node);
    }

    /** Each key's outcome and detail (null when whole), verified at {@code at}, next due at {@code nextDue}. */
    public void verified(Map<String, Result> results, Instant at, Instant nextDue) {
        results.forEach((key, r) -> ledger.verified(key, at, r.outcome(), r.detail(), nextDue));
    }

    public void forget(Collection<String> keys) {
        ledger.forget(keys);
    }

    public int dueNow(Collection<String> keys) {
        return ledger.dueNow(keys, Instant.now());
    }

    public Optional<FixityLedger.Entry> entry(String key) {
        return ledger.entry(key);
    }

    public FixityLedger.Coverage coverage(Instant cycleStart, Instant now) {
        return ledger.coverage(cycleStart, now, 50);
    }

    public record Result(FixityLedger.Outcome outcome, String detail) {}

    public OrphanLedger.Scan orphanScan() {
        return orphans.scan();
    }

    /** One slice of the orphan scan recorded at once: the orphans found, the keys referenced after all, the cursor. */
    public void orphanSlice(
            List<OrphanLedger.Orphan> found,
            Collection<String> notOrphans,
            String afterKey,
            long scanned,
            boolean passEnded) {
        Instant now = Instant.now();
        orphans.found(found, now);
        orphans.cleared(notOrphans);
        orphans.advance(afterKey, scanned, passEnded, now);
    }

    public void orphansFound(List<OrphanLedger.Orphan> found) {
        orphans.found(found, Instant.now());
    }

    public void orphansCleared(Collection<String> keys) {
        orphans.cleared(keys);
    }

    public List<OrphanLedger.Orphan> orphans(int limit) {
        return orphans.orphans(limit);
    }

    public long orphanCount() {
        return orphans.count();
    }
}
