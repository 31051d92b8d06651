package org.earchive.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The loopback cluster as the benchmark drives it: its scripts (kill and restart an instance, a Solr node) and its
 * database, read directly as the {@code postgres} superuser (trusted on loopback by {@code postgres.sh}). Where it is
 * comes from the launcher's system properties.
 */
final class ClusterControl {
    private final Path root = Path.of(System.getProperty("earchive.root", "."));
    private final Path dir = Path.of(System.getProperty("earchive.cluster.dir", ".earchive/cluster"));
    private final String dbUrl = System.getProperty("earchive.cluster.db");

    int instances() {
        return Integer.getInteger("earchive.cluster.instances", 2);
    }

    int jobSeconds() {
        return Integer.getInteger("earchive.job.seconds", 60);
    }

    /** The base URL of instance {@code i}, past the load balancer. */
    static String instance(int i) {
        return "http://127.0.0.1:" + (28080 + i);
    }

    void killInstance(int i) throws IOException, InterruptedException {
        script("scripts/cluster/cluster.sh", "kill", String.valueOf(i));
    }

    /** Starts instance {@code i} again and returns once it is healthy. */
    void restartInstance(int i) throws IOException, InterruptedException {
        script("scripts/cluster/cluster.sh", "restart", String.valueOf(i));
    }

    /** {@code start}, {@code stop} or {@code kill} (-9) the capture worker beside instance {@code i}. */
    void worker(String action, int i) throws IOException, InterruptedException {
        script("scripts/cluster/cluster.sh", "worker", action, String.valueOf(i));
    }

    void killSolrNode(int i) throws IOException, InterruptedException {
        script("scripts/solr/solr.sh", "kill", dir.resolve("solr").toString(), String.valueOf(i));
    }

    void restartSolrNode(int i) throws IOException, InterruptedException {
        script("scripts/solr/solr.sh", "restart", dir.resolve("solr").toString(), String.valueOf(i));
    }

    /** The instance that ran the workflow's latest tick (1 if none ran yet): the one whose death tests the jobs. */
    int tickHolder() throws SQLException {
        try (Connection c = database();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT holder FROM job_run WHERE job = 'workflow' ORDER BY tick DESC LIMIT 1")) {
            return r.next() && r.getString(1).matches("inst\\d+@.*")
                    ? Integer.parseInt(
                            r.getString(1).substring(4, r.getString(1).indexOf('@')))
                    : 1;
        }
    }

    /**
     * The server log's lines for an incident (an answer 500 with its id): the line that names it and the stack trace
     * after it, from whichever instance logged it; empty if none did.
     */
    List<String> incident(String id) {
        Path nodes = root.resolve(".earchive/payara6/glassfish/nodes/localhost-earchive-cluster");
        List<String> found = new ArrayList<>();
        try (var logs = java.nio.file.Files.find(
                nodes, 3, (p, a) -> p.getFileName().toString().startsWith("server.log"))) {
            for (Path log : logs.toList()) {
                List<String> lines = java.nio.file.Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("Incident " + id)) {
                        found.add(nodes.relativize(log).toString() + ":");
                        found.addAll(lines.subList(i, Math.min(lines.size(), i + 40)));
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            found.add("(the instances' logs could not be read: " + e + ")");
        }
        return found;
    }

    /** kill -9 of a Ceph daemon ({@code osd.N}, {@code rgw.N}); {@code restart} starts it again. */
    void ceph(String action, String daemon) throws IOException, InterruptedException {
        script("scripts/ceph-rgw/rgw.sh", action, dir.resolve("ceph").toString(), daemon);
    }

    /**
     * The fixity audit, asked of instance 1 directly: it reads every object, longer than the load balancer waits for
     * an answer.
     */
    static JsonObject fixityAudit() throws IOException, InterruptedException {
        long start = System.nanoTime();
        JsonObject audit = Api.at(instance(1), "auditor")
                .post("/api/admin/fixity-audit", "", Duration.ofMinutes(15))
                .json();
        double seconds = (System.nanoTime() - start) / 1e9;
        long checked = audit.getJsonNumber("checked").longValue();
        System.out.printf(
                "       fixity audit through instance 1: %d objects in %.0f s (%.1f objects/s)%n",
                checked, seconds, checked / seconds);
        return audit;
    }

    /** The PostgreSQL primary restarted (fast: its sessions cut), as an operator's restart or a crash and start would. */
    void restartPrimary() throws IOException, InterruptedException {
        script("scripts/cluster/postgres.sh", "restart", dir.resolve("pg").toString());
    }

    /** The cluster's ClamAV daemon: {@code kill} (-9) or {@code restart} (on the port it had). */
    void clamd(String action) throws IOException, InterruptedException {
        script("scripts/clamav/clamd.sh", action, dir.resolve("clamd").toString());
    }

    /** The PostgreSQL standby becomes the primary (the old primary stopped first, as a failover manager would). */
    void promoteStandby() throws IOException, InterruptedException {
        script("scripts/cluster/postgres.sh", "promote", dir.resolve("pg").toString());
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(dbUrl, "postgres", "");
    }

    /** Waits until the outbox holds nothing undelivered, at most {@code seconds}; returns what is still pending. */
    long waitOutboxDrained(int seconds) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long pending;
        do {
            try (Connection c = database();
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM outbox WHERE delivered_at IS NULL")) {
                r.next();
                pending = r.getLong(1);
            }
            if (pending > 0) {
                Thread.sleep(500);
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        return pending;
    }

    private void script(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + ")");
        }
    }
}
