package org.earchive.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.earchive.capture.testing.FormScans;

/**
 * Part 9: server-side capture over the nodes. Phone photos uploaded through the load balancer are made into PDF/A by
 * the capture workers beside the instances (one per node, taking jobs from the shared queue); one round with node 1's
 * worker alone and one with both give pages/s for one node and two; then node 1's worker is killed (-9) in the middle
 * of a job, which the other worker finishes after the job's lease, and every job has exactly one archival copy.
 */
final class ClusterCapture {
    private final ClusterBench bench;
    private final ClusterControl cluster;
    private int seed = 7000;

    ClusterCapture(ClusterBench bench, ClusterControl cluster) {
        this.bench = bench;
        this.cluster = cluster;
    }

    /** pages/s with node 1's worker alone, then with every node's. */
    void nodes(int pages) throws Exception {
        cluster.worker("stop", 2);
        double one = round(pages, "node 1's worker alone");
        cluster.worker("start", 2);
        Thread.sleep(8000); // its JVM, OpenCV and the OCR model loaded
        double two = round(pages, "both nodes' workers");
        System.out.printf("       pages/s, two nodes against one: %.2f / %.2f = %.2f×%n", two, one, two / one);
    }

    /** Node 1's worker killed mid-job: the job goes to node 2's after its lease; nothing done twice. */
    void workerDies(int pages) throws Exception {
        List<Long> ids = upload(pages);
        long deadline = System.nanoTime() + 120_000_000_000L;
        Long victim = null;
        while (victim == null && System.nanoTime() < deadline) {
            victim = runningOn("inst1", ids);
            Thread.sleep(200);
        }
        if (victim == null) {
            bench.check("a capture worker killed mid-job", false, "node 1's worker never held a job");
            return;
        }
        cluster.worker("kill", 1);
        long killed = System.nanoTime();
        Map<String, Long> states = await(ids, 300);
        try (Connection c = cluster.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT j.state, j.attempts, j.claimed_by, (SELECT count(*) FROM"
                        + " case_document d WHERE d.upload_key = 'capture:' || j.document_id) FROM capture_job j"
                        + " WHERE j.document_id = " + victim)) {
            r.next();
            bench.check(
                    "a capture worker killed mid-job: its job finished by the other node's after the lease",
                    r.getString(1).equals("DONE")
                            && r.getInt(2) >= 2
                            && r.getString(3).endsWith("/inst2-1")
                            && r.getLong(4) == 1,
                    String.format(
                            "job %d %s after %d claims, last by %s, %d archival cop%s; all %d jobs: %s; %.0f s after"
                                    + " the kill",
                            victim,
                            r.getString(1),
                            r.getInt(2),
                            r.getString(3),
                            r.getLong(4),
                            r.getLong(4) == 1 ? "y" : "ies",
                            ids.size(),
                            states,
                            (System.nanoTime() - killed) / 1e9));
        }
        cluster.worker("start", 1);
        checkOnce(ids);
    }

    private double round(int pages, String label) throws Exception {
        long start = System.nanoTime();
        List<Long> ids = upload(pages);
        Map<String, Long> states = await(ids, 600);
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = states.getOrDefault("DONE", 0L);
        System.out.printf(
                "       %s: %d pages ready in %.1f s = %.2f pages/s (%s); by worker %s%n",
                label, done, seconds, done / seconds, states, byWorker(ids));
        bench.check("server-side capture, " + label, done == ids.size(), states.toString());
        checkOnce(ids);
        return done / seconds;
    }

    /** Photos of distinct forms uploaded through the load balancer, four to a case; their document ids. */
    private List<Long> upload(int pages) throws Exception {
        Api clerk = Api.signedIn("clerk");
        List<Long> ids = new ArrayList<>();
        String caseNumber = null;
        for (int i = 0; i < pages; i++) {
            if (i % 4 == 0) {
                caseNumber = Cases.open(clerk, "ENROLL");
            }
            byte[] photo = CaptureIT.jpeg(
                    FormScans.photographed(FormScans.form(seed++, false).image()));
            Api.Response r =
                    clerk.upload(caseNumber, "APPLICATION_FORM", "photo-" + i + ".jpg", "image/jpeg", photo, true);
            if (r.status() != 201) {
                throw new IllegalStateException("upload: " + r.status() + " " + r.body());
            }
            ids.add(r.json().getJsonNumber("id").longValue());
        }
        return ids;
    }

    /** The jobs' states once none is waiting or running (or after {@code seconds}). */
    private Map<String, Long> await(List<Long> ids, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            Map<String, Long> states = query(
                    "SELECT state, count(*) FROM capture_job WHERE document_id IN " + in(ids) + " GROUP BY state");
            if ((!states.containsKey("QUEUED") && !states.containsKey("RUNNING")) || System.nanoTime() > deadline) {
                return states;
            }
            Thread.sleep(1000);
        }
    }

    private Map<String, Long> byWorker(List<Long> ids) throws Exception {
        return query("SELECT substring(claimed_by from position('/' in claimed_by) + 1), count(*) FROM capture_job"
                + " WHERE document_id IN " + in(ids) + " GROUP BY 1");
    }

    private Long runningOn(String worker, List<Long> ids) throws Exception {
        try (Connection c = cluster.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT document_id FROM capture_job WHERE state = 'RUNNING' AND"
                        + " claimed_by LIKE '%/" + worker + "-%' AND document_id IN " + in(ids) + " LIMIT 1")) {
            return r.next() ? r.getLong(1) : null;
        }
    }

    /** Every job of {@code ids} has exactly one archival copy (its key capture:<id>), whatever the retries. */
    private void checkOnce(List<Long> ids) throws Exception {
        Map<String, Long> copies = query("SELECT n, count(*) FROM (SELECT j.document_id, (SELECT count(*) FROM"
                + " case_document d WHERE d.upload_key = 'capture:' || j.document_id) AS n FROM capture_job j WHERE"
                + " j.document_id IN " + in(ids) + ") x GROUP BY n");
        bench.check(
                "each capture job recorded once",
                copies.keySet().stream().allMatch(n -> n.equals("1") || n.equals("0"))
                        && copies.getOrDefault("1", 0L) + copies.getOrDefault("0", 0L) == ids.size(),
                "jobs by archival copies: " + copies);
    }

    private Map<String, Long> query(String sql) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = cluster.database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }

    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }
}
