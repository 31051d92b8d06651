package org.earchive.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Write-once protection of an archived object: a retention date (COMPLIANCE: it may be extended, never shortened or
 * removed) and a legal hold (blocks deletion regardless of the date until it is released).
 *
 * @param retainUntil end of the retention period, if any
 * @param legalHold whether a legal hold is in force
 */
public record Protection(Optional<Instant> retainUntil, boolean legalHold) {
    public static final Protection NONE = new Protection(Optional.empty(), false);

    /** Whether the object may not be deleted or overwritten at {@code now}. */
    public boolean blocksDeletion(Instant now) {
        return legalHold || retainUntil.map(now::isBefore).orElse(false);
    }

    /** Refuses, with the reason, the deletion of an object this protection covers at {@code now}. */
    public void checkDeletable(String key, Instant now) throws RetentionException {
        if (blocksDeletion(now)) {
            throw new RetentionException("Object " + key + " is under "
                    + (legalHold ? "legal hold" : "retention until " + retainUntil.orElseThrow())
                    + " and may not be deleted.");
        }
    }

    /** The protection with its retention extended to {@code until}; a shorter retention is refused (COMPLIANCE). */
    public Protection extendedTo(String key, Instant until) throws RetentionException {
        if (retainUntil.map(until::isBefore).orElse(false)) {
            throw new RetentionException("Object " + key + " is retained until " + retainUntil.get()
                    + "; retention can be extended, never shortened.");
        }
        return new Protection(Optional.of(until), legalHold);
    }

    public Protection withLegalHold(boolean on) {
        return new Protection(retainUntil, on);
    }
}
