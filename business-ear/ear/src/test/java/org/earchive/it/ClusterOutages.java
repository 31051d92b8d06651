package org.earchive.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Outages of the engines the cluster stands on, with no instance restarted: the object store away (both Ceph
 * gateways killed), the PostgreSQL primary restarted under the counter's load, the ClamAV daemon away. Each request
 * that fails must fail with its code (503 {@code STORAGE_UNAVAILABLE} / {@code DATABASE_UNAVAILABLE}), never a 500;
 * nothing is half-written; the service goes on by itself once the engine is back.
 */
final class ClusterOutages {
    private static final Pattern CODED = Pattern.compile("(\\d{3}) .*\"code\":\"([A-Z_]+)\"");
    private static final Pattern STATUS = Pattern.compile("(\\d{3})");

    private final ClusterBench bench;
    private final ClusterControl cluster;

    ClusterOutages(ClusterBench bench, ClusterControl cluster) {
        this.bench = bench;
        this.cluster = cluster;
    }

    /** Both gateways down for {@code seconds}: a clerk uploads a new page each second throughout, and after. */
    void storeAway(int seconds) throws Exception {
        Api clerk = Api.as("clerk");
        String caseNumber = Cases.open(clerk, "ENROLL");
        Map<String, Integer> during = new TreeMap<>();
        int kept = 0;
        cluster.ceph("kill", "rgw.1");
        cluster.ceph("kill", "rgw.2");
        long down = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - down < seconds * 1_000_000_000L) {
            Api.Response r = upload(clerk, caseNumber, n++);
            if (r.status() == 201) {
                kept++;
            }
            during.merge(outcome(r), 1, Integer::sum);
            Thread.sleep(1000);
        }
        long back = System.nanoTime();
        cluster.ceph("restart", "rgw.1");
        cluster.ceph("restart", "rgw.2");
        double resumed = -1;
        Map<String, Integer> after = new TreeMap<>();
        while (System.nanoTime() - back < 120_000_000_000L) {
            Api.Response r = upload(clerk, caseNumber, n++);
            after.merge(outcome(r), 1, Integer::sum);
            if (r.status() == 201) {
                kept++;
                resumed = (System.nanoTime() - back) / 1e9;
                break;
            }
            Thread.sleep(1000);
        }
        long documents = documents(caseNumber);
        System.out.printf(
                "       store away %d s: answers %s; after the gateways were started again %s%n",
                seconds, during, after);
        bench.check(
                "with the store away every upload was refused with its code",
                during.keySet().stream().allMatch(k -> k.equals("503 STORAGE_UNAVAILABLE")),
                during.toString());
        bench.check(
                "service back by itself once the store was",
                resumed >= 0,
                resumed < 0
                        ? "no upload taken within 120 s"
                        : String.format("first upload taken %.1f s after", resumed));
        bench.check(
                "nothing half-written while the store was away",
                documents == kept,
                kept + " uploads acknowledged, " + documents + " documents in the case");
    }

    /** The PostgreSQL primary restarted {@code at} seconds into {@code seconds} of counter load (4 clients). */
    void databaseRestart(List<byte[]> pages, int seconds, int at) throws Exception {
        long start = System.nanoTime();
        long[] window = new long[2];
        Thread control = new Thread(() -> {
            try {
                Thread.sleep(at * 1000L);
                window[0] = (System.nanoTime() - start) / 1_000_000;
                cluster.restartPrimary();
                window[1] = (System.nanoTime() - start) / 1_000_000;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ClusterLoad load = new ClusterLoad(Api.BASE, start, pages);
        control.start();
        load.run(4, start + seconds * 1_000_000_000L);
        control.join();
        Map<String, Integer> failures = new TreeMap<>();
        load.failures.forEach(f -> failures.merge(outcome(f.what()), 1, Integer::sum));
        long after = load.writes.stream().filter(w -> w > window[1]).count();
        System.out.printf(
                "       PostgreSQL restarted from %.1f s to %.1f s; %d cases acknowledged; failed requests (each sent"
                        + " again) %s%n",
                window[0] / 1e3, window[1] / 1e3, load.acknowledged.size(), failures);
        bench.check(
                "requests during the database restart refused with a code, never a 500",
                failures.keySet().stream().noneMatch(k -> k.startsWith("5") && !k.contains("UNAVAILABLE")),
                failures.toString());
        bench.check("requests served after the restart", after > 0, after + " successful requests after it");
        ClusterLoad.Stored stored;
        try (var c = cluster.database()) {
            stored = load.stored(c);
        }
        bench.acknowledged(stored);
    }

    /**
     * ClamAV away: the counter goes on (uploads scanned later), an approved case waits for its four-property check
     * instead of being archived unscanned, and is archived by the workflow round once the daemon is back.
     */
    void scannerAway() throws Exception {
        cluster.clamd("kill");
        String caseNumber;
        String status;
        try {
            caseNumber = Cases.ready("ENROLL", Cases.newPerson(), Map.of());
            String reviewer = Cases.submit(caseNumber);
            Api.Response decided = Cases.decide(reviewer, caseNumber, "APPROVE", "材料齐全");
            status = decided.status() + " "
                    + (decided.status() == 200 ? decided.json().getString("status") : "");
        } finally {
            cluster.clamd("restart");
        }
        bench.check("the counter and the decision go on with ClamAV away", status.equals("200 APPROVED"), status);
        long back = System.nanoTime();
        String now = "";
        while (System.nanoTime() - back < 180_000_000_000L
                && !(now = Api.as("clerk")
                                .get("/api/cases/" + caseNumber)
                                .json()
                                .getString("status"))
                        .equals("ARCHIVED")) {
            Thread.sleep(1000);
        }
        List<JsonObject> reports = Api.as("archivist")
                .get("/api/archive/dossiers/" + caseNumber + "/checks")
                .jsonArray()
                .getValuesAs(JsonObject.class);
        long unscanned = reports.stream()
                .filter(r -> r.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(i -> i.getString("check").equals("virus-scan") && !i.getBoolean("passed")))
                .count();
        long passed = reports.stream().filter(r -> r.getBoolean("passed")).count();
        System.out.printf(
                "       approved with ClamAV away: %s; %s %.0f s after the daemon was back; check reports: %d failed"
                        + " (the scan could not run), %d passed%n",
                status, now, (System.nanoTime() - back) / 1e9, unscanned, passed);
        bench.check(
                "not archived unscanned while ClamAV was away",
                unscanned > 0,
                unscanned + " reports held it back for the virus scan");
        bench.check("archived by the workflow round once ClamAV was back", now.equals("ARCHIVED") && passed > 0, now);
    }

    private static Api.Response upload(Api clerk, String caseNumber, int n) throws Exception {
        try {
            return clerk.uploadOnce(
                    caseNumber,
                    "ID_CARD",
                    "id-" + n + ".pdf",
                    Samples.pdf("outage " + n),
                    UUID.randomUUID().toString());
        } catch (IOException e) {
            return null;
        }
    }

    /** "201", "503 STORAGE_UNAVAILABLE", "connection" …: an answer as the outage and soak tallies count it. */
    static String outcome(Api.Response r) {
        if (r == null) {
            return "connection";
        }
        return r.status() < 300 ? String.valueOf(r.status()) : outcome(r.status() + " " + r.body());
    }

    private static String outcome(String what) {
        Matcher m = CODED.matcher(what);
        if (m.find()) {
            return m.group(1) + " " + m.group(2);
        }
        Matcher status = STATUS.matcher(what);
        return status.find() ? status.group(1) : "connection";
    }

    private static long documents(String caseNumber) throws Exception {
        return Api.as("clerk")
                .get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("documents")
                .size();
    }
}
