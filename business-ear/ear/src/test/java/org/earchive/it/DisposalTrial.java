package org.earchive.it;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The fault point during a disposal's deletes ({@code server.disposal-destroyed}) on the trials' embedded server. Two
 * archived cases' records are made expired as ten years would (the server stopped; their retention moved into the past
 * in its H2 file, with Payara's H2 tool, and in the store's object metadata), appraised by the archivist and approved by
 * the appraisal group (admin); the list is executed with the point armed, so that the server halts after the first
 * record is marked destroyed and before its object is deleted. Started again, the archivist executes the still-approved
 * list again. Every listed record must then be destroyed once (metadata kept, content answered 410, one audit entry),
 * and no object left behind (the trials count orphans after the point).
 */
final class DisposalTrial {
    private final ServerFaults server;
    private final Path root;
    private final Path home = Path.of(System.getProperty("earchive.home"));

    DisposalTrial(ServerFaults server, Path root) {
        this.server = server;
        this.root = root;
    }

    int trial(int i, int[] counts, List<String> problems) throws Exception {
        Api archivist = Api.as("archivist");
        List<JsonObject> records = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            String caseNumber = archived(problems);
            records.addAll(archivist
                    .get("/api/archive/dossiers/" + caseNumber)
                    .jsonArray()
                    .getValuesAs(JsonObject.class));
        }
        expire(records);
        long listId = appraise(problems);
        Api.Response approved = Api.as("admin")
                .post(
                        "/api/archive/disposal/lists/" + listId + "/decision",
                        "{\"decision\":\"APPROVE\",\"comment\":\"鉴定小组同意销毁\"}");
        if (approved.status() != 200) {
            problems.add("disposal trial " + i + ": the list was not approved: " + approved.body());
        }
        int stopped = server.arm(
                ServerFaults.DISPOSAL_DESTROYED,
                () -> archivist.post("/api/archive/disposal/lists/" + listId + "/execute", ""),
                problems);
        // the archivist executes the list again: it is still approved, and the records not yet destroyed go now
        Api.Response again = archivist.post("/api/archive/disposal/lists/" + listId + "/execute", "");
        if (again.status() != 200 || !again.json().getString("status").equals("EXECUTED")) {
            problems.add("disposal trial " + i + ": executed again, the list answered " + again.status() + " "
                    + again.body());
        }
        List<JsonObject> audit =
                Api.as("auditor").get("/api/audit/events?limit=500").jsonArray().getValuesAs(JsonObject.class);
        for (JsonObject r : records) {
            String n = r.getString("archiveNumber");
            Api.Response kept = archivist.get("/api/archive/records/" + n);
            if (kept.status() != 200) {
                counts[0]++; // the record's metadata is what disposal keeps
                problems.add("disposal trial " + i + ": " + n + " answered " + kept.status());
                continue;
            }
            JsonObject record = kept.json();
            if (!record.containsKey("disposedAt") || record.isNull("disposedAt")) {
                problems.add("disposal trial " + i + ": " + n + " was listed, approved and not destroyed");
            }
            long documentId = r.getJsonNumber("documentId").longValue();
            int content =
                    archivist.get("/api/documents/" + documentId + "/content").status();
            if (content != 410) {
                problems.add("disposal trial " + i + ": " + n + "'s content answered " + content + ", not 410");
            }
            if (stored(r.getString("sha256"))) {
                problems.add("disposal trial " + i + ": " + n + "'s object is still in the store");
            }
            long entries = audit.stream()
                    .filter(e ->
                            "RECORD_DISPOSED".equals(e.getString("action", "")) && n.equals(e.getString("target", "")))
                    .count();
            counts[1] += (int) Math.max(0, entries - 1);
            if (entries == 0) {
                problems.add("disposal trial " + i + ": no audit entry for " + n + "'s destruction");
            }
        }
        return stopped;
    }

    /** A case archived through the counter and the back office, as in the archiving trial. */
    private static String archived(List<String> problems) throws Exception {
        String caseNumber = Cases.ready("ENROLL", Cases.newPerson(), Map.of());
        String reviewer = Cases.submit(caseNumber);
        Api.as(reviewer)
                .post("/api/tasks/" + caseNumber + "/decision", "{\"decision\":\"APPROVE\",\"comment\":\"材料齐全\"}");
        String status = ServerFaults.statusAfter(caseNumber, "ARCHIVED", 120);
        if (!status.equals("ARCHIVED")) {
            problems.add("disposal trial: " + caseNumber + " is " + status + ", not archived");
        }
        return caseNumber;
    }

    /** Ten years later: the server stopped, the records' retention and their objects' write-once retention ended. */
    private void expire(List<JsonObject> records) throws Exception {
        server.launcher("stop");
        String in = records.stream()
                .map(r -> "'" + r.getString("archiveNumber").replace("'", "''") + "'")
                .collect(Collectors.joining(","));
        Process h2 = new ProcessBuilder(
                        "java",
                        "-cp",
                        root.resolve(".earchive/payara6/h2db/bin/h2.jar").toString(),
                        "org.h2.tools.Shell",
                        "-url",
                        "jdbc:h2:file:" + home.resolve("db/earchive") + ";MODE=PostgreSQL",
                        "-user",
                        "sa",
                        "-password",
                        "",
                        "-sql",
                        "UPDATE archive_record SET retain_until = DATE '2020-01-01' WHERE archive_number IN (" + in
                                + ")")
                .redirectErrorStream(true)
                .start();
        String out = new String(h2.getInputStream().readAllBytes());
        if (h2.waitFor() != 0 || !out.contains("(Update count: " + records.size() + ",")) {
            throw new IllegalStateException("H2 did not take the retention change: " + out);
        }
        for (JsonObject r : records) {
            Path meta = meta(r.getString("sha256"));
            Properties p = new Properties();
            try (var read = Files.newInputStream(meta)) {
                p.load(read);
            }
            p.setProperty("retainUntil", "2020-01-02T00:00:00Z");
            try (var write = Files.newOutputStream(meta)) {
                p.store(write, null);
            }
        }
        server.launcher("start");
    }

    private long appraise(List<String> problems) throws Exception {
        Api archivist = Api.as("archivist");
        JsonObject run = archivist.post("/api/archive/disposal/appraisals", "").json();
        long execution = run.getJsonNumber("execution").longValue();
        for (int s = 0; s < 120 && !run.getString("status").matches("COMPLETED|FAILED"); s++) {
            Thread.sleep(500);
            run = archivist.get("/api/archive/disposal/appraisals/" + execution).json();
        }
        if (!run.getString("status").equals("COMPLETED") || !run.containsKey("listId") || run.isNull("listId")) {
            problems.add("disposal trial: the appraisal ended " + run);
            throw new IllegalStateException("appraisal " + run);
        }
        return run.getJsonNumber("listId").longValue();
    }

    /** Whether the store still holds the object's data file. */
    private static boolean stored(String sha256) {
        return Files.exists(ThinPathIT.Env.objectFile(sha256));
    }

    private static Path meta(String sha256) {
        return ThinPathIT.Env.objectFile(sha256).resolveSibling(sha256 + ".meta");
    }
}
