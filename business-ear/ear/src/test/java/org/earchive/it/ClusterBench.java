package org.earchive.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code ./earchive bench cluster [--short]}: the cluster's promises, measured on the loopback cluster the launcher
 * started ({@code ./earchive cluster}, workflow ticks shortened to {@code EARCHIVE_JOB_SECONDS}). Each figure is printed
 * with its check; the exit status is 1 when a check fails, so {@code ./earchive test} runs the short version as a test.
 *
 * <ol>
 *   <li>Counter clients through HAProxy; the instance running the scheduled jobs killed (-9) and started again: cases acknowledged against the
 *       database, duplicate and missing uploads, failed requests and when, case p99 before / during / after, sessions
 *       signed out; the fixity audit and the outbox afterwards.
 *   <li>Jobs: runs of each workflow tick, per instance, before and after the kill.
 *   <li>Records archived through instance 1, searched through instance 2 ({@link IndexLag}).
 *   <li>(full run only) Archiving on both instances at once; a Ceph gateway and OSD killed under load; the standby
 *       promoted under load ({@link ClusterWrites}).
 * </ol>
 */
public final class ClusterBench {
    /**
     * The soak's default pace, a district's peak: the city's 100,000 cases a day over an 8-hour counter day are 3.5
     * cases/s, its peak hour ~3 times that (10.4 cases/s) over 23 halls 0.45 cases/s per hall; a node carries a district
     * of about two halls. (The counter alone, `./earchive bench ingest`, takes 17–29 cases/s on one node here.)
     */
    static final double SOAK_RATE = 1.0;

    private final List<String> failed = new ArrayList<>();
    private final long began = System.nanoTime();
    private final ClusterControl cluster = new ClusterControl();

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--short");
        ClusterBench bench = new ClusterBench();
        if (Arrays.asList(args).contains("--capture")) {
            // part 9 alone, at the full run's size: server-side capture on one node and on two, a worker killed
            bench.part("9. server-side capture: photos through the load balancer, a capture worker beside each"
                    + " instance (jobs leased for 20 s)");
            ClusterCapture capture = new ClusterCapture(bench, bench.cluster);
            capture.nodes(16);
            capture.workerDies(8);
        } else if (Arrays.asList(args).contains("--soak") || Arrays.asList(args).contains("--outages")) {
            if (Arrays.asList(args).contains("--outages")) {
                bench.outages(); // part 10 alone
            }
            if (Arrays.asList(args).contains("--soak")) {
                bench.soak(Arrays.asList(args), ClusterSoak.kinds(Arrays.asList(args)));
            }
        } else {
            bench.run(quick);
        }
        System.out.println(
                bench.failed.isEmpty() ? "cluster bench: all checks passed" : "cluster bench: FAILED " + bench.failed);
        System.exit(bench.failed.isEmpty() ? 0 : 1);
    }

    /** A part's heading, with the time since the bench began (to see where a run's time goes). */
    private void part(String heading) {
        System.out.println(heading + "  " + elapsed());
    }

    private String elapsed() {
        long s = (System.nanoTime() - began) / 1_000_000_000L;
        return String.format("[+%d:%02d]", s / 60, s % 60);
    }

    void check(String what, boolean ok, String figures) {
        System.out.printf("  %-4s %s: %s%n", ok ? "ok" : "FAIL", what, figures);
        if (!ok) {
            failed.add(what);
        }
    }

    private void run(boolean quick) throws Exception {
        int clients = quick ? 4 : 16;
        int seconds = quick ? 30 : 120;
        int killAt = quick ? 10 : 40;
        int restartAt = quick ? 0 : 80;
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pages.add(IngestBench.page(i));
        }
        System.out.printf(
                "cluster bench: %d instances behind %s; %d counter clients for %d s; at %d s the instance running the"
                        + " scheduled jobs is killed (-9), and started again %s (the load lasting until 20 s after it is"
                        + " back)%n",
                cluster.instances(),
                Api.BASE,
                clients,
                seconds,
                killAt,
                restartAt > 0 ? "at " + restartAt + " s" : "after the load");
        loopbackOnly();
        Instant began = Instant.now();
        long start = System.nanoTime();
        // ms since start: the kill asked, the restarted instance healthy, its restart begun, the kill done
        long[] events = new long[4];
        int[] victim = {1};
        Thread control = new Thread(() -> {
            try {
                Thread.sleep(killAt * 1000L);
                victim[0] = cluster.tickHolder();
                events[0] = (System.nanoTime() - start) / 1_000_000;
                cluster.killInstance(victim[0]);
                events[3] = (System.nanoTime() - start) / 1_000_000;
                if (restartAt > 0) {
                    Thread.sleep(Math.max(0, restartAt * 1000L - events[0]));
                    events[2] = (System.nanoTime() - start) / 1_000_000;
                    cluster.restartInstance(victim[0]);
                    events[1] = (System.nanoTime() - start) / 1_000_000;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        control.start();
        ClusterLoad load = new ClusterLoad(Api.BASE, start, pages);
        // the load goes on until 20 s after the instance is back, so that "after" has cases
        long planned = start + seconds * 1_000_000_000L;
        AtomicLong end = new AtomicLong(restartAt > 0 ? Long.MAX_VALUE : planned);
        Thread extend = new Thread(() -> {
            try {
                control.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                end.set(Math.max(planned, start + (events[1] + 20_000) * 1_000_000L));
            }
        });
        extend.start();
        load.run(clients, end);
        control.join();
        extend.join();
        if (restartAt == 0) {
            events[2] = (System.nanoTime() - start) / 1_000_000;
            cluster.restartInstance(victim[0]);
            events[1] = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.printf(
                "1. failover: instance %d killed at %.1f s, healthy again at %.1f s%n",
                victim[0], events[0] / 1e3, events[1] / 1e3);
        failover(load, events);
        part("2. jobs (workflow round every " + cluster.jobSeconds() + " s)");
        jobs(began, events, victim[0]);
        part("3. search across nodes");
        new IndexLag(this, cluster, quick ? 20 : 200).run();
        part("7. incremental fixity: every object made due, the nodes' minute rounds verify them");
        ClusterFixity fixity = new ClusterFixity(this, cluster);
        fixity.pass(quick ? 300 : 900, !quick);
        fixity.orphanScan();
        part("8. batch jobs: a disposal appraisal started on one instance, followed on the other");
        new ClusterBatch(this, cluster).appraisalsAcrossNodes();
        part("9. server-side capture: photos through the load balancer, a capture worker beside each"
                + " instance (jobs leased for 20 s)");
        ClusterCapture capture = new ClusterCapture(this, cluster);
        if (!quick) {
            capture.nodes(16);
        }
        capture.workerDies(quick ? 4 : 8);
        if (quick) {
            // the engines' outages as the soak's faults, in this order (part 1 killed an instance already);
            // --outages checks each one on its own
            soak(
                    List.of("--soak", "3", "--seed", "1"),
                    List.of(ClusterSoak.CLAMAV, ClusterSoak.STORE, ClusterSoak.DATABASE));
            return;
        }
        outages();
        ClusterWrites writes = new ClusterWrites(this, cluster);
        part("6. concurrent archiving on both instances");
        writes.archiving(1000);
        part("5. Ceph: gateway 1 killed at 15 s, OSD 1 at 30 s of 60 s of load (8 clients)");
        writes.storeFaults(pages, 8);
        part("4. PostgreSQL standby promoted under load (8 clients, 60 s, at 20 s)");
        writes.promotion(pages, 8, 60, 20);
    }

    /**
     * {@code --soak M [--rate R] [--seed S] [--faults K,…]}: the long day (./earchive bench soak), with its faults' kinds
     * in the order given (null: every kind, in a seeded order).
     */
    private void soak(List<String> a, List<Integer> kinds) throws Exception {
        int minutes = Integer.parseInt(a.get(a.indexOf("--soak") + 1));
        double rate = a.contains("--rate") ? Double.parseDouble(a.get(a.indexOf("--rate") + 1)) : SOAK_RATE;
        long seed = a.contains("--seed") ? Long.parseLong(a.get(a.indexOf("--seed") + 1)) : System.currentTimeMillis();
        System.out.printf(
                "11. soak: %d minutes at %.1f cases/s (3 pages each), faults seeded %d, on %d instances behind %s  %s%n",
                minutes, rate, seed, cluster.instances(), Api.BASE, elapsed());
        new ClusterSoak(this, cluster, seed, kinds).run(minutes, rate);
    }

    /** Part 10 (the full run and --outages; the short bench meets the same outages as its soak's faults). */
    private void outages() throws Exception {
        System.out.println(
                "10. outages, no instance restarted: the object store away, PostgreSQL restarted, ClamAV" + " away");
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pages.add(IngestBench.page(i));
        }
        ClusterOutages outages = new ClusterOutages(this, cluster);
        outages.storeAway(60);
        outages.databaseRestart(pages, 40, 15);
        outages.scannerAway();
    }

    private void failover(ClusterLoad load, long[] events) throws Exception {
        ClusterLoad.Stored stored;
        try (Connection c = cluster.database()) {
            stored = load.stored(c);
        }
        acknowledged(stored);
        List<ClusterLoad.Failure> failures = new ArrayList<>(load.failures);
        String window = failures.isEmpty()
                ? "none"
                : String.format(
                        "%d, from %+.1f s to %+.1f s after the kill (%s)",
                        failures.size(),
                        (failures.stream()
                                                .mapToLong(ClusterLoad.Failure::atMillis)
                                                .min()
                                                .getAsLong()
                                        - events[0])
                                / 1e3,
                        (failures.stream()
                                                .mapToLong(ClusterLoad.Failure::atMillis)
                                                .max()
                                                .getAsLong()
                                        - events[0])
                                / 1e3,
                        failures.stream()
                                .map(f -> f.what().replaceAll(":.*", ""))
                                .collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting())));
        System.out.println("       failed requests (each sent again): " + window);
        failures.stream().limit(3).forEach(f -> System.out.println("         e.g. " + f.what()));
        System.out.printf(
                "       case p99: before the kill %s, kill to restarted %s, after %s%n",
                p99(load, 0, events[0]), p99(load, events[0], events[1]), p99(load, events[1], Long.MAX_VALUE));
        check("sessions signed out by the kill", load.signedOut.get() == 0, String.valueOf(load.signedOut.get()));
        JsonObject audit = ClusterControl.fixityAudit();
        int mismatches = audit.getJsonArray("mismatches").size();
        int missing = audit.getJsonArray("missing").size();
        check(
                "fixity audit after the run",
                mismatches == 0 && missing == 0,
                String.format(
                        "%d objects checked, %d mismatches, %d missing",
                        audit.getJsonNumber("checked").longValue(), mismatches, missing));
        long pending = cluster.waitOutboxDrained(30);
        check("outbox delivered (index and events)", pending == 0, pending + " entries pending after 30 s");
    }

    /** Every listening socket of the cluster's processes (ss -ltnp) is on a loopback address. */
    private void loopbackOnly() throws Exception {
        Process ss =
                new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        List<String> open = new ArrayList<>();
        int listeners = 0;
        for (String line : new String(ss.getInputStream().readAllBytes()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || !line.matches(".*\"(java|haproxy|postgres|radosgw|ceph-\\w+|clamd)\".*")) {
                continue;
            }
            listeners++;
            String local = f[3];
            if (!(local.startsWith("127.0.0.1:")
                    || local.startsWith("[::ffff:127.0.0.1]:")
                    || local.startsWith("[::1]:"))) {
                open.add(local + " " + f[5]);
            }
        }
        ss.waitFor();
        check("every listener on loopback", listeners > 0 && open.isEmpty(), listeners + " listeners, open: " + open);
        Process ps = new ProcessBuilder("ps", "-eo", "rss=,comm=").start();
        long kb = 0;
        for (String line : new String(ps.getInputStream().readAllBytes()).split("\n")) {
            String[] f = line.trim().split("\\s+", 2);
            if (f.length == 2 && f[1].matches("java|haproxy|postgres|radosgw|ceph-\\w+|clamd")) {
                kb += Long.parseLong(f[0]);
            }
        }
        ps.waitFor();
        System.out.printf("  memory of the cluster's processes (and this client): %.1f GB resident%n", kb / 1048576.0);
    }

    void acknowledged(ClusterLoad.Stored stored) {
        check(
                "cases acknowledged = found submitted in the database",
                stored.lost() == 0,
                String.format(
                        "acknowledged %d, found %d, lost %d",
                        stored.acknowledged(), stored.acknowledged() - stored.lost(), stored.lost()));
        check(
                "uploads stored once",
                stored.duplicates() == 0 && stored.missingUploads() == 0,
                String.format(
                        "%d acknowledged uploads, duplicates %d, missing %d",
                        stored.uploads(), stored.duplicates(), stored.missingUploads()));
    }

    private static String p99(ClusterLoad load, long fromMs, long toMs) {
        long[] nanos = load.acknowledged.stream()
                .filter(d -> d.atMillis() >= fromMs && d.atMillis() < toMs)
                .mapToLong(ClusterLoad.Done::nanos)
                .sorted()
                .toArray();
        return nanos.length == 0
                ? "(no cases)"
                : String.format("%.0f ms (%d cases)", IngestBench.pct(nanos, 0.99), nanos.length);
    }

    private void jobs(Instant began, long[] events, int victim) throws Exception {
        // a tick the victim claimed while the kill script was starting is still its own: "down" begins when it is dead
        Instant killed = began.plusMillis(events[3]);
        // the restarted instance's timers may fire before its restart command returns: "down" ends when it begins
        Instant restarted = began.plusMillis(events[2]);
        Map<Long, List<String>> runs = new TreeMap<>();
        Map<Long, Instant> at = new TreeMap<>();
        try (Connection c = cluster.database();
                PreparedStatement s = c.prepareStatement("SELECT tick, holder, started_at FROM job_run"
                        + " WHERE job = 'workflow' AND started_at >= ? ORDER BY tick")) {
            s.setObject(1, began.atOffset(ZoneOffset.UTC));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    runs.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
                    at.putIfAbsent(
                            r.getLong(1), r.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
        }
        long twice = runs.values().stream().filter(h -> h.size() > 1).count();
        check(
                "each tick run exactly once",
                !runs.isEmpty() && twice == 0,
                runs.size() + " ticks, " + twice + " run more than once");
        Map<String, Map<String, Long>> perPhase = new TreeMap<>();
        for (var e : runs.entrySet()) {
            Instant when = at.get(e.getKey());
            String phase = when.isBefore(killed)
                    ? "1 before the kill"
                    : when.isBefore(restarted) ? "2 while it was down" : "3 after its restart";
            perPhase.computeIfAbsent(phase, k -> new TreeMap<>())
                    .merge(e.getValue().get(0), 1L, Long::sum);
        }
        perPhase.forEach((phase, holders) -> System.out.println("       " + phase.substring(2) + ": " + holders));
        long ticks = runs.isEmpty()
                ? 0
                : runs.keySet().stream().mapToLong(Long::longValue).max().getAsLong()
                        - runs.keySet().stream()
                                .mapToLong(Long::longValue)
                                .min()
                                .getAsLong()
                        + 1;
        long lostTicks = ticks - runs.size();
        boolean survivor = runs.entrySet().stream()
                .filter(e ->
                        at.get(e.getKey()).isAfter(killed) && at.get(e.getKey()).isBefore(restarted))
                .allMatch(e -> !e.getValue().get(0).startsWith("inst" + victim + "@"));
        check(
                "ticks move to the survivor",
                survivor && lostTicks <= 1 && perPhase.containsKey("2 while it was down"),
                lostTicks + " tick(s) without a run (the dying node's, at most 1)");
    }
}
