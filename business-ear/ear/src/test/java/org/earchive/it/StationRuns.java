package org.earchive.it;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The counter station as a process of its own (the fault trials, the soak) and what its batch left in the case. */
final class StationRuns {
    private StationRuns() {}

    /**
     * The station's {@code capture watch --once} on {@code dir/hot} for a case, its spool in {@code dir/station}, armed
     * to stop at a fault point if any; its output in {@code dir/watch.log} (or {@code fault.log}).
     */
    static ProcessBuilder watch(String classpath, Path dir, String caseNumber, String fault) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
        if (fault != null) {
            command.add("-Dearchive.fault=" + fault);
        }
        command.addAll(List.of(
                "-cp",
                classpath,
                "org.earchive.capture.interfaces.cli.CaptureCommand",
                "watch",
                dir.resolve("hot").toString(),
                "--case",
                caseNumber,
                "--material",
                "APPLICATION_FORM",
                "--once"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve(fault == null ? "watch.log" : "fault.log").toFile());
        pb.environment().put("EARCHIVE_SERVER_URL", Api.BASE);
        pb.environment().put("EARCHIVE_STATION_PASSWORD", Api.PASSWORD);
        pb.environment().put("EARCHIVE_STATION_HOME", dir.resolve("station").toString());
        pb.environment().put("EARCHIVE_CAPTURE_WORKERS", "1");
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return pb;
    }

    /** Runs the station; its exit status, or -1 when it had not finished after five minutes (then it is killed). */
    static int run(ProcessBuilder station) throws Exception {
        Process p = station.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /**
     * Pages lost and duplicated in a case the station filled from pages with these digests: each page's original must
     * be there once, with one archival copy per page. Returns {lost, duplicated}.
     */
    static int[] lostDuplicated(String caseNumber, Collection<String> digests) throws Exception {
        List<JsonObject> docs = Api.as("clerk")
                .get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("documents")
                .getValuesAs(JsonObject.class);
        List<String> originals = docs.stream()
                .filter(d -> d.getString("role").equals("ORIGINAL"))
                .map(d -> d.getString("sha256"))
                .toList();
        long archival = docs.stream()
                .filter(d -> d.getString("role").equals("ARCHIVAL"))
                .count();
        int missing = (int) digests.stream().filter(d -> !originals.contains(d)).count();
        missing = Math.max(missing, (int) Math.max(0, digests.size() - archival));
        int twice = originals.size()
                - (int) originals.stream().distinct().count()
                + (int) Math.max(0, archival - digests.size());
        return new int[] {missing, twice};
    }
}
