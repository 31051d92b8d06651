package org.earchive.it;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.earchive.archive.application.dto.WaitHistogram;

/**
 * The database side of the cluster: archiving on both nodes at once (archive numbers and the audit chain), and the
 * PostgreSQL standby promoted under the counter's load (the pools follow without a restart).
 */
final class ClusterWrites {
    private final ClusterBench bench;
    private final ClusterControl cluster;

    ClusterWrites(ClusterBench bench, ClusterControl cluster) {
        this.bench = bench;
        this.cluster = cluster;
    }

    /** About {@code records} records archived by 4 clients, each case on the other instance than the one before. */
    void archiving(int records) throws Exception {
        int cases = (records + ClusterLoad.PAGES - 1) / ClusterLoad.PAGES;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<Long> approvals = new ConcurrentLinkedQueue<>();
        Map<Long, Long> waitsBefore = headWaits();
        Instant began = Instant.now();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                int n;
                while ((n = next.getAndIncrement()) < cases) {
                    String base = ClusterControl.instance(1 + n % cluster.instances());
                    try {
                        Api clerk = Api.at(base, "clerk");
                        String caseNumber = Cases.open(clerk, "ENROLL", Cases.newPerson(), "赵敏");
                        for (int p = 0; p < ClusterLoad.PAGES; p++) {
                            Cases.upload(clerk, caseNumber, IngestBench.MATERIALS[p], Samples.pdf("编号 " + n));
                        }
                        String reviewer = clerk.post("/api/cases/" + caseNumber + "/submit", "{}")
                                .json()
                                .getString("assignedTo");
                        long s = System.nanoTime();
                        Api.Response decided = Api.at(base, reviewer)
                                .post(
                                        "/api/tasks/" + caseNumber + "/decision",
                                        "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}");
                        approvals.add(System.nanoTime() - s);
                        if (decided.status() != 200
                                || !decided.json().getString("status").equals("ARCHIVED")) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception | AssertionError e) {
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = approvals.stream().mapToLong(Long::longValue).sorted().toArray();
        long series = 0;
        long gaps = 0;
        long total = 0;
        long audited;
        try (Connection c = cluster.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT series_key, count(*), min(item_no), max(item_no)"
                        + " FROM archive_record GROUP BY series_key")) {
            while (r.next()) {
                series++;
                total += r.getLong(2);
                gaps += r.getLong(4) - r.getLong(3) + 1 - r.getLong(2) + (r.getLong(3) - 1);
            }
            try (PreparedStatement a = c.prepareStatement("SELECT count(*) FROM audit_event WHERE occurred_at >= ?")) {
                a.setObject(1, began.atOffset(ZoneOffset.UTC));
                try (ResultSet ar = a.executeQuery()) {
                    ar.next();
                    audited = ar.getLong(1);
                }
            }
        }
        bench.check(
                "archive numbers gap-free and unique per series",
                failures.get() == 0 && gaps == 0 && series > 0,
                String.format(
                        "%d cases (%d failed) archived on alternating instances in %.0f s; %d records in %d series,"
                                + " %d numbers missing",
                        cases, failures.get(), seconds, total, series, gaps));
        System.out.printf(
                "       approval (numbering, audit, archiving) p50 %.0f ms, p99 %.0f ms; %.1f audited events/s%n",
                IngestBench.pct(sorted, 0.5), IngestBench.pct(sorted, 0.99), audited / seconds);
        Map<Long, Long> waits = headWaits();
        waitsBefore.forEach((bucket, n) -> waits.merge(bucket, -n, Long::sum));
        long waited = waits.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                "       audit head lock wait (server side, both instances): p50 %.1f ms, p99 %.1f ms over %d"
                        + " audited changes%n",
                WaitHistogram.percentile(waits, 0.5) / 1000.0, WaitHistogram.percentile(waits, 0.99) / 1000.0, waited);
        JsonObject chain = Api.as("auditor").get("/api/audit/verify").json();
        bench.check(
                "audit chain verifies",
                chain.getBoolean("valid"),
                chain.getJsonNumber("checked").longValue() + " events checked");
    }

    /** The instances' audit head lock waits added up (bucket lower bound in µs to count), asked at each one's port. */
    private Map<Long, Long> headWaits() throws Exception {
        Map<Long, Long> all = new TreeMap<>();
        for (int i = 1; i <= cluster.instances(); i++) {
            JsonObject node = Api.at(ClusterControl.instance(i), "manager")
                    .get("/api/monitoring/node")
                    .json();
            node.getJsonObject("auditHeadWait")
                    .getJsonObject("buckets")
                    .forEach((k, v) -> all.merge(Long.parseLong(k), ((JsonNumber) v).longValue(), Long::sum));
        }
        return all;
    }

    /** The standby promoted {@code promoteAt} s into {@code seconds} s of counter load. */
    void promotion(List<byte[]> pages, int clients, int seconds, int promoteAt) throws Exception {
        long start = System.nanoTime();
        long[] promoted = new long[2];
        Thread control = new Thread(() -> {
            try {
                Thread.sleep(promoteAt * 1000L);
                promoted[0] = (System.nanoTime() - start) / 1_000_000;
                cluster.promoteStandby();
                promoted[1] = (System.nanoTime() - start) / 1_000_000;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ClusterLoad load = new ClusterLoad(Api.BASE, start, pages);
        control.start();
        load.run(clients, start + seconds * 1_000_000_000L);
        control.join();
        ClusterLoad.Stored stored;
        try (Connection c = cluster.database()) {
            stored = load.stored(c);
        }
        long after = load.acknowledged.stream()
                .filter(d -> d.atMillis() > promoted[1])
                .count();
        System.out.printf(
                "       promoted at %.1f s (%.1f s); longest time without a successful request from 5 s before: %.1f s;"
                        + " %d failed requests (each sent again); %d cases acknowledged after it%n",
                promoted[0] / 1e3,
                (promoted[1] - promoted[0]) / 1e3,
                load.longestSilence(promoted[0] - 5000) / 1e3,
                load.failures.size(),
                after);
        load.failures.stream().limit(2).forEach(f -> System.out.println("         e.g. " + f.what()));
        long internal =
                load.failures.stream().filter(f -> f.what().contains(": 500 ")).count();
        bench.check(
                "no 500 while the database fails over (503 DATABASE_UNAVAILABLE, sent again)",
                internal == 0,
                internal + " of " + load.failures.size() + " failed requests answered 500");
        bench.acknowledged(stored);
        int direct = 0;
        for (int i = 1; i <= cluster.instances(); i++) {
            try {
                Cases.open(Api.at(ClusterControl.instance(i), "clerk"), "ENROLL", Cases.newPerson(), "孙丽");
                direct++;
            } catch (Exception | AssertionError e) {
                System.out.println("       instance " + i + " after the promotion: " + e.getMessage());
            }
        }
        bench.check(
                "every instance writes to the new primary, no restart",
                after > 0 && direct == cluster.instances(),
                direct + " of " + cluster.instances() + " instances opened a case directly");
    }

    /** A gateway killed at 15 s and an OSD at 30 s of 60 s of counter load; both started again afterwards. */
    void storeFaults(List<byte[]> pages, int clients) throws Exception {
        long start = System.nanoTime();
        Thread control = new Thread(() -> {
            try {
                Thread.sleep(15_000);
                cluster.ceph("kill", "rgw.1");
                Thread.sleep(15_000);
                cluster.ceph("kill", "osd.1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ClusterLoad load = new ClusterLoad(Api.BASE, start, pages);
        control.start();
        load.run(clients, start + 60_000_000_000L);
        control.join();
        System.out.printf(
                "       %d cases acknowledged; %d failed requests, each sent again%n",
                load.acknowledged.size(), load.failures.size());
        load.failures.stream().limit(2).forEach(f -> System.out.println("         e.g. " + f.what()));
        bench.check(
                "uploads with a gateway and an OSD down",
                load.abandoned.get() == 0 && !load.acknowledged.isEmpty(),
                load.abandoned.get() + " requests still failing after 5 attempts");
        ClusterLoad.Stored stored;
        try (Connection c = cluster.database()) {
            stored = load.stored(c);
        }
        bench.acknowledged(stored);
        JsonObject audit = ClusterControl.fixityAudit();
        int bad = audit.getJsonArray("mismatches").size()
                + audit.getJsonArray("missing").size();
        bench.check(
                "fixity with an OSD still down",
                bad == 0,
                audit.getJsonNumber("checked").longValue() + " objects checked, " + bad + " mismatched or missing");
        cluster.ceph("restart", "osd.1");
        cluster.ceph("restart", "rgw.1");
    }
}
