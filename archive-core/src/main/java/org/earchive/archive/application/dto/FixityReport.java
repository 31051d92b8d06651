package org.earchive.archive.application.dto;

import java.time.Instant;
import java.util.List;

/**
 * The result of a fixity audit.
 *
 * @param checked objects referenced by the database whose bytes were read and digested
 * @param mismatches objects whose SHA-256 or SM3 no longer match what the database recorded
 * @param missing objects the database refers to that the store does not have
 * @param orphans objects in the store that nothing refers to (older than the grace period)
 */
public record FixityReport(
        Instant startedAt,
        Instant finishedAt,
        long checked,
        List<Mismatch> mismatches,
        List<String> missing,
        List<String> orphans) {

    public record Mismatch(String key, String reason) {}
}
