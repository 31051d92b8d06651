package org.earchive.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server's half of the fault trials: the trials' server (started by {@code ./earchive bench faults} with
 * {@code EARCHIVE_FAULT_FILE}) is armed by writing a point's name into that file, stops there as {@code kill -9} would,
 * and is started again by the launcher; the client then does what a clerk's browser or a station does after a lost
 * answer (sends the upload again with its idempotency key), or nothing at all (archiving is resumed by the server's
 * own workflow round), and the case is counted.
 */
final class ServerFaults {
    static final String OBJECT_STORED = "server.object-stored";
    static final String ROW_COMMITTED = "server.row-committed";
    static final String ARCHIVE_NUMBERED = "server.archive-numbered";
    static final String DISPOSAL_DESTROYED = "server.disposal-destroyed";

    private final Path root = Path.of(System.getProperty("earchive.root", "."));
    private final Path faultFile;
    private final Path work;

    ServerFaults(Path faultFile, Path work) {
        this.faultFile = faultFile;
        this.work = work;
    }

    /** One trial: 1 when the server stopped at the point; adds lost and duplicated counts and problems. */
    int trial(String point, int i, int[] lostDuplicated, List<String> problems) throws Exception {
        if (point.equals(DISPOSAL_DESTROYED)) {
            return new DisposalTrial(this, root).trial(i, lostDuplicated, problems);
        }
        return point.equals(ARCHIVE_NUMBERED)
                ? archiving(i, lostDuplicated, problems)
                : upload(point, i, lostDuplicated, problems);
    }

    private int upload(String point, int i, int[] counts, List<String> problems) throws Exception {
        String caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
        byte[] pdf = Samples.pdf("fault " + point + " " + i);
        String key = "fault-trial-" + UUID.randomUUID();
        int stopped = arm(point, () -> Api.as("clerk").uploadOnce(caseNumber, "ID_CARD", "id.pdf", pdf, key), problems);
        // the clerk's page (or the station) sends it again with the same key once the server answers
        Api.Response again = Api.as("clerk").uploadOnce(caseNumber, "ID_CARD", "id.pdf", pdf, key);
        if (again.status() != 200 && again.status() != 201) {
            problems.add(point + " trial " + i + ": the upload sent again was answered " + again.status() + " "
                    + again.body());
        }
        String digest = Cases.sha256Hex(pdf);
        long held = documents(caseNumber).stream()
                .filter(d -> d.getString("material").equals("ID_CARD"))
                .filter(d -> d.getString("sha256").equals(digest))
                .count();
        counts[0] += held == 0 ? 1 : 0;
        counts[1] += (int) Math.max(0, held - 1);
        return stopped;
    }

    private int archiving(int i, int[] counts, List<String> problems) throws Exception {
        String caseNumber = Cases.ready("ENROLL", Cases.newPerson(), Map.of());
        String reviewer = Cases.submit(caseNumber);
        int stopped = arm(
                ARCHIVE_NUMBERED,
                () -> Api.as(reviewer)
                        .post(
                                "/api/tasks/" + caseNumber + "/decision",
                                "{\"decision\":\"APPROVE\",\"comment\":\"材料齐全\"}"),
                problems);
        // nobody does anything: the server's workflow round finishes the archiving it was stopped in
        String status = statusAfter(caseNumber, "ARCHIVED", 180);
        long archival = documents(caseNumber).stream()
                .filter(d -> d.getString("role").equals("ARCHIVAL"))
                .count();
        List<JsonObject> records = Api.as("archivist")
                .get("/api/archive/dossiers/" + caseNumber)
                .jsonArray()
                .getValuesAs(JsonObject.class);
        long numbers = records.stream()
                .map(r -> r.getString("archiveNumber"))
                .distinct()
                .count();
        if (!status.equals("ARCHIVED")) {
            problems.add("archive trial " + i + ": " + caseNumber + " is " + status + " three minutes after restart");
        }
        counts[0] += (int) Math.max(0, archival - numbers);
        counts[1] += (int) Math.max(0, records.size() - archival) + (int) (records.size() - numbers);
        return stopped;
    }

    interface Call {
        Api.Response send() throws Exception;
    }

    /** Arms the point, makes the call the server should die in, starts the server again; 1 if it died there. */
    int arm(String point, Call call, List<String> problems) throws Exception {
        Files.writeString(faultFile, point);
        int stopped = 0;
        try {
            Api.Response r = call.send();
            problems.add(point + ": the server answered " + r.status() + " instead of stopping there");
        } catch (IOException e) {
            stopped = 1; // the connection dropped: the server is gone
        }
        boolean armed = Files.deleteIfExists(faultFile); // still there: the point was never reached
        if (armed && stopped == 1) {
            problems.add(point + ": the server went away without reaching the point");
        }
        if (stopped == 1) {
            restart();
        }
        return armed ? 0 : stopped;
    }

    /** The halted server's process is gone; the launcher starts it again with the same data folder. */
    private void restart() throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            try {
                Api.anonymous().get("/health");
                Thread.sleep(500);
            } catch (IOException gone) {
                break;
            }
        }
        launcher("start");
    }

    /** {@code ./earchive <command>} with the trials' environment; its output in the trial's folder, shown if it fails. */
    void launcher(String command) throws Exception {
        Path log = work.resolve(command + ".log");
        Process p = new ProcessBuilder(root.resolve("earchive").toString(), command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("./earchive " + command + " failed: " + Files.readString(log));
        }
    }

    /** The case's status once it is {@code wanted}, or as it is after {@code seconds} of asking every second. */
    static String statusAfter(String caseNumber, String wanted, int seconds) throws Exception {
        long until = System.currentTimeMillis() + seconds * 1000L;
        String status;
        while (!(status = Api.as("clerk").get("/api/cases/" + caseNumber).json().getString("status")).equals(wanted)
                && System.currentTimeMillis() < until) {
            Thread.sleep(1000);
        }
        return status;
    }

    private static List<JsonObject> documents(String caseNumber) throws Exception {
        return new ArrayList<>(Api.as("clerk")
                .get("/api/cases/" + caseNumber)
                .json()
                .getJsonArray("documents")
                .getValuesAs(JsonObject.class));
    }
}
