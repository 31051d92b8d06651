package org.earchive.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Part 8: the Jakarta Batch job repository is shared. A disposal appraisal is started on each instance; each run is
 * followed to its end on the other instance, and the two runs have different execution numbers (with a repository per
 * instance both were run 1 of their node, and the other node answered "no such run").
 */
final class ClusterBatch {
    private final ClusterBench bench;
    private final ClusterControl cluster;

    ClusterBatch(ClusterBench bench, ClusterControl cluster) {
        this.bench = bench;
        this.cluster = cluster;
    }

    void appraisalsAcrossNodes() throws Exception {
        int other = Math.min(2, cluster.instances());
        long first = start(1);
        long second = start(other);
        JsonObject firstRun = follow(other, first);
        JsonObject secondRun = follow(1, second);
        bench.check(
                "appraisal started on instance 1, followed on instance " + other,
                "COMPLETED".equals(firstRun.getString("status", "")),
                "run " + first + ": " + firstRun);
        bench.check(
                "appraisal started on instance " + other + ", followed on instance 1",
                "COMPLETED".equals(secondRun.getString("status", "")) && first != second,
                "run " + second + ": " + secondRun);
    }

    private static long start(int instance) throws Exception {
        Api.Response started =
                Api.at(ClusterControl.instance(instance), "archivist").post("/api/archive/disposal/appraisals", "");
        if (started.status() != 202) {
            throw new IllegalStateException("appraisal not started on instance " + instance + ": " + started.body());
        }
        return started.json().getJsonNumber("execution").longValue();
    }

    /** The run as the instance sees it, once finished (or after 60 s). */
    private static JsonObject follow(int instance, long execution) throws Exception {
        Api archivist = Api.at(ClusterControl.instance(instance), "archivist");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Api.Response r = archivist.get("/api/archive/disposal/appraisals/" + execution);
            JsonObject run = r.status() == 200
                    ? r.json()
                    : Json.createObjectBuilder()
                            .add("status", "HTTP " + r.status())
                            .add("body", r.body())
                            .build();
            String status = run.getString("status", "");
            if (status.equals("COMPLETED") || status.equals("FAILED") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(500);
        }
    }
}
