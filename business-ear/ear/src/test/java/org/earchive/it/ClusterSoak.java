package org.earchive.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ./earchive bench soak --minutes M [--rate R] [--seed S]}: a long day on the loopback cluster. {@link SoakLoad}
 * drives the counter, the back office and the archive room at {@code R} cases/s (three pages each), {@link SoakStation}
 * a counter station's scanner (a two-page batch a minute, processed and uploaded by the station); at seeded random
 * moments one fault from the list strikes — an instance killed (-9) and started again, the object store away (both
 * gateways), the PostgreSQL primary restarted, ClamAV away — and heap, open files and threads of every instance are
 * sampled every 10 s. Afterwards every acknowledged case is looked for in the database, the approved ones must be
 * archived, and the fixity audit and the audit chain's verification must come out clean. The last line sums it up.
 */
final class ClusterSoak {
    /** One sample of an instance: seconds since the start, heap in use (MB), open files, threads. */
    record Sample(int instance, double at, long heapMb, long files, int threads) {}

    private final ClusterBench bench;
    private final ClusterControl cluster;
    private final Random random;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> faults = new ArrayList<>();

    /** The kinds of fault. */
    static final int KILL = 0, STORE = 1, DATABASE = 2, CLAMAV = 3;

    private static final List<String> KINDS = List.of("kill", "store", "database", "clamav");

    /** {@code --faults kill,store,database,clamav} (any of them, in the order wanted), or null: all, seeded. */
    static List<Integer> kinds(List<String> args) {
        int at = args.indexOf("--faults");
        if (at < 0) {
            return null;
        }
        List<Integer> kinds = new ArrayList<>();
        for (String kind : args.get(at + 1).split(",")) {
            if (!KINDS.contains(kind.trim())) {
                throw new IllegalArgumentException("unknown fault '" + kind + "': one of " + KINDS);
            }
            kinds.add(KINDS.indexOf(kind.trim()));
        }
        return kinds;
    }

    private final List<Integer> order;

    /** {@code order}: the faults' kinds in this order, round after round; null: all four, in a seeded order. */
    ClusterSoak(ClusterBench bench, ClusterControl cluster, long seed, List<Integer> order) {
        this.order = order;
        this.bench = bench;
        this.cluster = cluster;
        this.random = new Random(seed);
    }

    void run(int minutes, double rate) throws Exception {
        SoakLoad load = new SoakLoad(rate);
        long start = System.nanoTime();
        long end = start + minutes * 60_000_000_000L;
        Thread faulting = new Thread(() -> faults(start, end), "soak-faults");
        Thread sampling = new Thread(() -> sample(start, end), "soak-samples");
        SoakStation station = new SoakStation();
        Thread scanning = new Thread(() -> station.run(start, end), "soak-station");
        faulting.start();
        sampling.start();
        if (station.available()) {
            scanning.start();
        }
        load.run(4, end);
        faulting.join();
        sampling.join();
        scanning.join(); // a thread never started joins at once
        long loadEnd = System.nanoTime();
        // the approved cases archived: at once, or by the workflow round after a fault (five rounds' grace)
        int archived = archived(load, loadEnd + 180_000_000_000L);
        ClusterLoad.Stored stored;
        try (Connection c = cluster.database()) {
            stored = load.ledger.stored(c);
        }
        bench.acknowledged(stored);
        bench.check(
                "every approved case archived",
                archived == load.decided.get(),
                archived + " of " + load.decided.get() + " approved cases archived");
        if (station.available()) {
            SoakStation.Tally t = station.tally();
            System.out.printf(
                    "       station: batches %d, pages %d, lost %d, duplicated %d, batches unfinished %d%n",
                    t.batches(), t.pages(), t.lost(), t.duplicated(), t.unfinished());
            bench.check(
                    "the station's pages each once in their case",
                    t.batches() > 0 && t.lost() == 0 && t.duplicated() == 0 && t.unfinished() == 0,
                    t.toString());
        } else {
            System.out.println("       station: not run (no -Dearchive.capture.cp: the launcher passes it)");
        }
        JsonObject audit = ClusterControl.fixityAudit();
        int damaged = audit.getJsonArray("mismatches").size()
                + audit.getJsonArray("missing").size();
        bench.check("fixity audit after the soak", damaged == 0, damaged + " objects damaged or missing");
        JsonObject chain = Api.as("auditor").get("/api/audit/verify").json();
        bench.check("audit chain after the soak", chain.getBoolean("valid"), chain.toString());
        bench.check(
                "every failed request answered with its code, none with 500",
                load.errors.keySet().stream().noneMatch(k -> k.startsWith("500")),
                load.errors.toString());
        for (String answer : load.unexpected) { // what to look up: the request, and the server's log of its incident
            System.out.println("       unexpected answer: " + answer);
            java.util.regex.Matcher id =
                    java.util.regex.Pattern.compile("incident ([0-9a-f]{8})").matcher(answer);
            if (id.find()) {
                cluster.incident(id.group(1)).forEach(line -> System.out.println("         " + line));
            }
        }
        long[] nanos =
                load.caseNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int errors = load.errors.values().stream().mapToInt(a -> a.get()).sum();
        Map<String, Integer> byCode = new TreeMap<>();
        load.errors.forEach((k, v) -> byCode.put(k, v.get()));
        long heapMax = samples.stream().mapToLong(Sample::heapMb).max().orElse(-1);
        int window = Math.min(5, Math.max(1, minutes / 3)) * 60;
        System.out.printf(
                "       faults: %s%n       archive room: %d searches with a file opened; abandoned after two minutes"
                        + " of retries: %d%n",
                faults, load.reads.get(), load.abandoned.get());
        for (int i = 1; i <= cluster.instances(); i++) {
            System.out.printf(
                    "       instance %d, first %d min / last %d min: heap %s MB, open files %s, threads %s%n",
                    i,
                    window / 60,
                    window / 60,
                    means(i, 0, window, Sample::heapMb),
                    means(i, 0, window, Sample::files),
                    means(i, 0, window, s -> s.threads()));
            if (minutes >= 15) { // shorter runs end before the heap and the pools settle: figures only
                double last = samples.stream().mapToDouble(Sample::at).max().orElse(0);
                double heap0 = mean(i, 0, window, Sample::heapMb);
                double heap1 = mean(i, last - window, last + 1, Sample::heapMb);
                double files0 = mean(i, 0, window, Sample::files);
                double files1 = mean(i, last - window, last + 1, Sample::files);
                bench.check(
                        "instance " + i + ": heap and open files do not grow over the day",
                        Double.isNaN(heap1) || (heap1 <= heap0 * 1.5 + 64 && files1 <= files0 * 1.2 + 20),
                        String.format("heap %.0f → %.0f MB, files %.0f → %.0f", heap0, heap1, files0, files1));
            }
        }
        System.out.printf(
                "soak: minutes %d, cases acknowledged %d, found %d, archived %d, lost %d, duplicated %d, errors %d %s,"
                        + " faults %d, heap max %d MB, p99 %.0f ms%n",
                minutes,
                stored.acknowledged(),
                stored.acknowledged() - stored.lost(),
                archived,
                stored.lost(),
                stored.duplicates(),
                errors,
                byCode,
                faults.size(),
                heapMax,
                nanos.length == 0 ? 0 : IngestBench.pct(nanos, 0.99));
    }

    /**
     * A fault every 40 to 80 s (seeded; 15 to 30 s under ten minutes), the first after 30 s, none in the last 30 s; the
     * kinds in a seeded order,
     * each once before any comes again (so that even a short soak meets different ones).
     */
    private void faults(long start, long end) {
        long next = start + 30_000_000_000L;
        List<Integer> kinds = new ArrayList<>();
        try {
            while (next < end - 30_000_000_000L) {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                double at = (System.nanoTime() - start) / 1e9;
                if (kinds.isEmpty()) {
                    kinds.addAll(order != null ? order : List.of(KILL, STORE, DATABASE, CLAMAV));
                    if (order == null) {
                        java.util.Collections.shuffle(kinds, random);
                    }
                }
                switch (kinds.remove(0)) {
                    case KILL -> {
                        int victim = 1 + random.nextInt(cluster.instances());
                        faults.add(String.format("%.0fs instance %d killed", at, victim));
                        cluster.killInstance(victim);
                        Thread.sleep(10_000);
                        cluster.restartInstance(victim);
                    }
                    case STORE -> {
                        faults.add(String.format("%.0fs object store away 20 s", at));
                        cluster.ceph("kill", "rgw.1");
                        cluster.ceph("kill", "rgw.2");
                        Thread.sleep(20_000);
                        cluster.ceph("restart", "rgw.1");
                        cluster.ceph("restart", "rgw.2");
                    }
                    case DATABASE -> {
                        faults.add(String.format("%.0fs PostgreSQL restarted", at));
                        cluster.restartPrimary();
                    }
                    default -> {
                        faults.add(String.format("%.0fs ClamAV away 30 s", at));
                        cluster.clamd("kill");
                        Thread.sleep(30_000);
                        cluster.clamd("restart");
                    }
                }
                // 40–80 s apart; 15–30 s in a run under ten minutes, so that a short one meets three
                int gap = end - start < 600_000_000_000L ? 15 : 40;
                next = System.nanoTime() + (gap + random.nextInt(gap + 1)) * 1_000_000_000L;
            }
        } catch (Exception e) {
            faults.add("fault injection failed: " + e);
        }
    }

    private void sample(long start, long end) {
        while (System.nanoTime() < end) {
            for (int i = 1; i <= cluster.instances(); i++) {
                try {
                    JsonObject p = Api.at(ClusterControl.instance(i), "admin")
                            .get("/api/monitoring/node")
                            .json()
                            .getJsonObject("process");
                    synchronized (samples) {
                        samples.add(new Sample(
                                i,
                                (System.nanoTime() - start) / 1e9,
                                p.getJsonNumber("heapUsedMb").longValue(),
                                p.getJsonNumber("openFiles").longValue(),
                                p.getInt("threads")));
                    }
                } catch (Exception down) {
                    // a killed instance has no figures
                }
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String means(int instance, int from, int window, java.util.function.ToLongFunction<Sample> figure) {
        double last = samples.stream().mapToDouble(Sample::at).max().orElse(0);
        double first = mean(instance, from, from + window, figure);
        double late = mean(instance, last - window, last + 1, figure);
        // no sample: the instance was down (killed, or starting again) through the window
        return (Double.isNaN(first) ? "-" : String.format("%.0f", first)) + " / "
                + (Double.isNaN(late) ? "- (down)" : String.format("%.0f", late));
    }

    private double mean(int instance, double from, double to, java.util.function.ToLongFunction<Sample> figure) {
        return samples.stream()
                .filter(s -> s.instance() == instance && s.at() >= from && s.at() < to)
                .mapToLong(figure)
                .average()
                .orElse(Double.NaN);
    }

    /** How many approved cases are ARCHIVED, waiting for them until {@code deadline}. */
    private int archived(SoakLoad load, long deadline) throws Exception {
        List<String> numbers;
        synchronized (load.approved) {
            numbers = load.approved.stream().map(a -> a[0]).collect(Collectors.toList());
        }
        int archived = 0;
        while (true) {
            try (Connection c = cluster.database();
                    PreparedStatement s = c.prepareStatement(
                            "SELECT count(*) FROM business_case WHERE status = 'ARCHIVED' AND case_number = ANY (?)")) {
                s.setArray(1, c.createArrayOf("varchar", numbers.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    archived = r.getInt(1);
                }
            }
            if (archived == numbers.size() || System.nanoTime() > deadline) {
                return archived;
            }
            Thread.sleep(2000);
        }
    }
}
