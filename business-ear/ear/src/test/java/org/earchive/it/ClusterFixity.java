package org.earchive.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Part 7: the incremental fixity check as the nodes run it by themselves (each minute, slices claimed with SKIP
 * LOCKED): every stored object is made due at once, and the ledger shows which node verified what, how fast, and
 * that no object was read twice.
 */
final class ClusterFixity {
    /** The city's objects a year (0.5 million pages a day). */
    private static final double CITY_YEAR = 150e6;

    private final ClusterBench bench;
    private final ClusterControl cluster;

    ClusterFixity(ClusterBench bench, ClusterControl cluster) {
        this.bench = bench;
        this.cluster = cluster;
    }

    /** @param spread whether every instance must have taken part (the full run's thousands of objects) */
    void pass(int timeoutSeconds, boolean spread) throws Exception {
        long objects;
        long readsBefore;
        Instant start;
        try (Connection c = cluster.database();
                Statement s = c.createStatement()) {
            start = Instant.now();
            // the reads counted before any object falls due (a round may start the moment they do)
            try (ResultSet r = s.executeQuery("SELECT count(*), coalesce(sum(verifications), 0) FROM object_fixity")) {
                r.next();
                objects = r.getLong(1);
                readsBefore = r.getLong(2);
            }
            s.executeUpdate("UPDATE object_fixity SET due_at = now() - interval '1 second'");
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long verified;
        do {
            Thread.sleep(2000);
            verified = verifiedSince(start);
        } while (verified < objects && System.nanoTime() < deadline);
        double mb;
        long reads;
        int nodes = 0;
        StringBuilder perNode = new StringBuilder();
        try (Connection c = cluster.database();
                Statement s = c.createStatement();
                PreparedStatement byNode = c.prepareStatement("SELECT f.claimed_by, count(*), min(f.verified_at),"
                        + " max(f.verified_at), sum(d.size) FROM object_fixity f JOIN (SELECT object_key,"
                        + " min(size_bytes) AS size FROM case_document GROUP BY object_key) d"
                        + " ON d.object_key = f.object_key WHERE f.verified_at >= ? GROUP BY f.claimed_by"
                        + " ORDER BY f.claimed_by")) {
            byNode.setObject(1, start.atOffset(ZoneOffset.UTC));
            try (ResultSet r = byNode.executeQuery()) {
                mb = 0;
                while (r.next()) {
                    nodes++;
                    long n = r.getLong(2);
                    double span = Math.max(
                            1, (r.getTimestamp(4).getTime() - r.getTimestamp(3).getTime()) / 1000.0);
                    double rate = n / span;
                    mb += r.getLong(5) / 1e6;
                    perNode.append(String.format(
                            "%n         %s: %d objects, %.1f objects/s over %.0f s (%.1f MB/s) → 150 million objects in"
                                    + " %.0f days",
                            r.getString(1), n, rate, span, r.getLong(5) / 1e6 / span, CITY_YEAR / rate / 86400));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT coalesce(sum(verifications), 0) FROM object_fixity")) {
                r.next();
                reads = r.getLong(1) - readsBefore;
            }
        }
        System.out.printf(
                "       %d objects (%.0f MB) made due; %d verified by %d nodes in %.0f s:%s%n",
                objects, mb, verified, nodes, (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0, perNode);
        bench.check(
                "incremental fixity: every object verified once, the work spread over the nodes",
                verified == objects && reads == objects && (nodes == cluster.instances() || !spread),
                String.format(
                        "%d of %d verified, %d reads (%d twice), %d nodes took part",
                        verified, objects, reads, reads - objects, nodes));
    }

    /** The orphan scan's minute rounds since the cluster started: passes over the store, one node per minute. */
    void orphanScan() throws Exception {
        long passes;
        long lastPass;
        long runs;
        long ticks;
        try (Connection c = cluster.database();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT passes, coalesce(last_pass_scanned, 0) FROM orphan_scan")) {
                r.next();
                passes = r.getLong(1);
                lastPass = r.getLong(2);
            }
            try (ResultSet r =
                    s.executeQuery("SELECT count(*), count(DISTINCT tick) FROM job_run WHERE job = 'orphan-scan'")) {
                r.next();
                runs = r.getLong(1);
                ticks = r.getLong(2);
            }
        }
        bench.check(
                "orphan scan: whole passes over the store, each minute on one node",
                passes > 0 && runs == ticks && ticks > 0,
                String.format(
                        "%d passes (the last over %d keys), %d minutes run, %d runs", passes, lastPass, ticks, runs));
    }

    private long verifiedSince(Instant start) throws Exception {
        try (Connection c = cluster.database();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM object_fixity WHERE verified_at >= ?")) {
            s.setObject(1, start.atOffset(ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
