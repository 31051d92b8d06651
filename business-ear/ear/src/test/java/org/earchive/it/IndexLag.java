package org.earchive.it;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records archived through instance 1's own port, searched through instance 2's: how long until another node finds
 * what one node archived (the outbox's delivery and SolrCloud's commit), whether search answers with a Solr node
 * killed, and whether the index holds exactly the database's records afterwards (the reconcile's count).
 */
final class IndexLag {
    private final ClusterBench bench;
    private final ClusterControl cluster;
    private final int records;

    IndexLag(ClusterBench bench, ClusterControl cluster, int records) {
        this.bench = bench;
        this.cluster = cluster;
        this.records = records;
    }

    void run() throws Exception {
        String one = ClusterControl.instance(1);
        String two = ClusterControl.instance(cluster.instances() > 1 ? 2 : 1);
        Map<String, Long> archivedAt = new ConcurrentHashMap<>(); // citizen ID -> nanoTime its approval answered
        Map<String, Long> lag = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < 2; w++) {
            Thread t = new Thread(() -> {
                Api clerk = Api.at(one, "clerk");
                while (next.getAndIncrement() < records) {
                    try {
                        String citizenId = Cases.newPerson();
                        String caseNumber = Cases.open(clerk, "ENROLL", citizenId, "陈静");
                        for (int p = 0; p < ClusterLoad.PAGES; p++) {
                            Cases.upload(clerk, caseNumber, IngestBench.MATERIALS[p], Samples.pdf("索引 " + citizenId));
                        }
                        Api.Response submitted = clerk.post("/api/cases/" + caseNumber + "/submit", "{}");
                        String reviewer = submitted.json().getString("assignedTo");
                        Api.Response decided = Api.at(one, reviewer)
                                .post(
                                        "/api/tasks/" + caseNumber + "/decision",
                                        "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}");
                        if (decided.status() == 200
                                && decided.json().getString("status").equals("ARCHIVED")) {
                            archivedAt.put(citizenId, System.nanoTime());
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception | AssertionError e) {
                        failures.incrementAndGet();
                    }
                }
            });
            t.start();
            writers.add(t);
        }
        Api archivist = Api.at(two, "archivist");
        long giveUp = Long.MAX_VALUE;
        while (true) {
            boolean writing = writers.stream().anyMatch(Thread::isAlive);
            if (!writing && giveUp == Long.MAX_VALUE) {
                giveUp = System.nanoTime() + 60_000_000_000L;
            }
            for (var e : archivedAt.entrySet()) {
                if (!lag.containsKey(e.getKey()) && found(archivist, e.getKey())) {
                    lag.put(e.getKey(), System.nanoTime() - e.getValue());
                }
            }
            if ((!writing && lag.size() == archivedAt.size()) || System.nanoTime() > giveUp) {
                break;
            }
            Thread.sleep(50);
        }
        long[] sorted =
                lag.values().stream().mapToLong(Long::longValue).sorted().toArray();
        bench.check(
                "archived on instance 1, found on instance 2",
                failures.get() == 0 && lag.size() == archivedAt.size() && archivedAt.size() == records,
                String.format(
                        "%d of %d records (%d failed to archive); index lag p50 %s, p99 %s",
                        lag.size(),
                        records,
                        failures.get(),
                        sorted.length == 0 ? "-" : String.format("%.0f ms", IngestBench.pct(sorted, 0.5)),
                        sorted.length == 0 ? "-" : String.format("%.0f ms", IngestBench.pct(sorted, 0.99))));

        cluster.killSolrNode(1);
        int answered = 0;
        List<String> ids = new ArrayList<>(lag.keySet());
        int asked = Math.min(20, ids.size());
        for (int i = 0; i < asked; i++) {
            if (found(archivist, ids.get(i))) {
                answered++;
            }
        }
        bench.check(
                "search with Solr node 1 killed",
                asked > 0 && answered == asked,
                answered + " of " + asked + " records found");
        cluster.restartSolrNode(1);

        Api.Response reconciled = Api.as("admin").post("/api/admin/reconcile", "");
        if (reconciled.status() != 200) {
            bench.check("reconcile", false, reconciled.status() + " " + reconciled.body());
            return;
        }
        JsonObject report = reconciled.json();
        long dbRecords = report.getJsonNumber("records").longValue();
        long entries = report.getJsonNumber("entries").longValue();
        long missing = report.getJsonNumber("missing").longValue();
        long extra = report.getJsonNumber("extra").longValue();
        bench.check(
                "records in the database = documents in the index",
                missing == 0 && extra == 0 && entries == dbRecords,
                String.format(
                        "%d records, %d index entries, %d missing, %d extra", dbRecords, entries, missing, extra));
    }

    private static boolean found(Api archivist, String citizenId) {
        try {
            Api.Response r = archivist.get("/api/archive/search?citizenId=" + citizenId);
            return r.status() == 200 && r.json().getJsonNumber("total").longValue() >= 1;
        } catch (Exception e) {
            return false;
        }
    }
}
