package org.earchive.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.earchive.capture.faults.FaultPoint;
import org.earchive.capture.infrastructure.imageio.TiffPage;
import org.earchive.capture.testing.FormScans;

/**
 * {@code ./earchive bench faults [--trials N] [--points a,b] [--seed S]}: the station killed as {@code kill -9} would
 * at exactly a named moment ({@link FaultPoint}: a page written before its fsync, a page renamed into the spool, an
 * upload's body half sent, the server's 201 not yet recorded), N times per point at a seeded one of the moments the
 * run passes that point, then restarted; each trial's case must end with every page once. Then the server stopped at
 * its own points ({@link ServerFaults}: an upload's object stored before its row, the row committed before the
 * answer, a case's records numbered before the dossier is closed, indexed and announced, a disposal list's record
 * marked destroyed before its object is deleted) and started again. Per point: pages lost,
 * duplicated, objects nothing refers to (orphans) and temporary files left in the server's store; then the audit
 * chain and the fixity audit. Exit 1 when anything is lost, duplicated, left or broken.
 */
public final class FaultTrials {
    /** A fault point and how many times one trial's run passes it (two pages: two writes, four uploads). */
    private record Point(String name, int passes) {}

    private static final List<Point> POINTS = List.of(
            new Point(FaultPoint.PAGE_BEFORE_FSYNC, 2),
            new Point(FaultPoint.PAGE_AFTER_RENAME, 2),
            new Point(FaultPoint.UPLOAD_BODY, 4),
            new Point(FaultPoint.AFTER_201, 4),
            new Point(ServerFaults.OBJECT_STORED, 0),
            new Point(ServerFaults.ROW_COMMITTED, 0),
            new Point(ServerFaults.ARCHIVE_NUMBERED, 0),
            new Point(ServerFaults.DISPOSAL_DESTROYED, 0),
            new Point(DiskFull.POINT, 0));

    private final String classpath = System.getProperty("earchive.capture.cp");
    private final Path serverHome = Path.of(System.getProperty("earchive.home"));
    private final Path work;
    private final List<byte[]> pages = new ArrayList<>();
    private final Set<String> pageDigests;

    private final DiskFull diskFull;

    private FaultTrials(Path work) throws Exception {
        this.work = work;
        this.diskFull = new DiskFull(serverHome, work, this::stationProcess);
        pageDigests = new HashSet<>();
        for (long seed : new long[] {31, 32}) {
            byte[] page =
                    TiffPage.encode(FormScans.grey(FormScans.form(seed, false).image()), 300);
            pages.add(page);
            pageDigests.add(Cases.sha256Hex(page));
        }
    }

    record Tally(int trials, int reached, int pages, int lost, int duplicated, List<String> problems) {}

    public static void main(String[] args) throws Exception {
        int trials = 20;
        long seed = System.currentTimeMillis();
        Set<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--points" -> only = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FaultTrials bench = new FaultTrials(Files.createTempDirectory("earchive-faults"));
        Random random = new Random(seed);
        System.out.printf(
                "fault trials: %d per point, seed %d, station processes against %s (store %s)%n",
                trials, seed, Api.BASE, bench.serverHome);
        boolean clean = true;
        for (Point p : POINTS) {
            String point = p.name();
            if (only != null && !only.contains(point)) {
                continue;
            }
            if (point.equals(DiskFull.POINT) && !bench.diskFull.mounted()) {
                System.out.printf(
                        "fault %-26s skipped: the store's folder is not a small file system of its own"
                                + " (./earchive bench faults mounts one when run as root)%n",
                        point);
                continue;
            }
            long began = System.nanoTime();
            Tally t = bench.point(point, p.passes(), trials, random);
            int orphans = bench.orphans();
            int leftovers = bench.temporaryFiles();
            JsonObject chain = Api.as("auditor").get("/api/audit/verify").json();
            JsonObject fixity =
                    Api.as("admin").post("/api/admin/fixity-audit", "").json();
            int damaged = fixity.getJsonArray("mismatches").size()
                    + fixity.getJsonArray("missing").size();
            System.out.printf(
                    "fault %-26s trials %d (stopped there %d), pages %d, lost %d, duplicated %d, orphans %d, temporary"
                            + " files %d, audit chain %s, fixity %s (%d s)%n",
                    point,
                    t.trials(),
                    t.reached(),
                    t.pages(),
                    t.lost(),
                    t.duplicated(),
                    orphans,
                    leftovers,
                    chain.getBoolean("valid") ? "valid" : "BROKEN " + chain,
                    damaged == 0 ? "clean" : damaged + " damaged",
                    (System.nanoTime() - began) / 1_000_000_000L);
            t.problems().forEach(problem -> System.out.println("  " + problem));
            clean &= t.reached() == t.trials()
                    && t.lost() == 0
                    && t.duplicated() == 0
                    && orphans == 0
                    && leftovers == 0
                    && chain.getBoolean("valid")
                    && damaged == 0
                    && t.problems().isEmpty();
        }
        System.out.println("fault trials: " + (clean ? "nothing lost, duplicated or left behind" : "FAILED"));
        System.exit(clean ? 0 : 1);
    }

    private Tally point(String point, int passes, int trials, Random random) throws Exception {
        if (point.equals(DiskFull.POINT)) {
            int[] counts = new int[2];
            int told = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 1; i <= trials; i++) {
                told += diskFull.trial(i, pages, counts, problems);
            }
            return new Tally(trials, told, trials * (1 + pages.size()), counts[0], counts[1], problems);
        }
        if (point.startsWith("server.")) {
            ServerFaults server = new ServerFaults(Path.of(System.getProperty("earchive.fault.file")), work);
            int[] counts = new int[2];
            int reached = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 1; i <= trials; i++) {
                reached += server.trial(point, i, counts, problems);
            }
            return new Tally(trials, reached, trials, counts[0], counts[1], problems);
        }
        int reached = 0, total = 0, lost = 0, duplicated = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 1; i <= trials; i++) {
            int at = 1 + random.nextInt(passes);
            Path dir = Files.createDirectories(work.resolve(point + "-" + i));
            Path hot = Files.createDirectories(dir.resolve("hot"));
            String caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
            for (int n = 0; n < pages.size(); n++) {
                Files.write(hot.resolve("page-" + (n + 1) + ".tif"), pages.get(n));
            }
            int first = watch(dir, caseNumber, point + "@" + at);
            if (first == FaultPoint.EXIT) {
                reached++;
            } else {
                problems.add(point + "@" + at + " trial " + i + ": the run was not stopped there (exit " + first + ")");
            }
            int second = watch(dir, caseNumber, null);
            if (second != 0) {
                problems.add("trial " + i + ": the restarted station exited " + second + ": "
                        + Files.readString(dir.resolve("watch.log")).strip());
            }
            int[] lostTwice = StationRuns.lostDuplicated(caseNumber, pageDigests);
            total += pages.size();
            lost += lostTwice[0];
            duplicated += lostTwice[1];
            if (!empty(hot) || !empty(dir.resolve("station/spool"))) {
                problems.add("trial " + i + ": the station kept something back (hot folder or spool not empty)");
            }
        }
        return new Tally(trials, reached, total, lost, duplicated, problems);
    }

    /** {@code capture watch --once} as its own process, stopped at the armed point if any; its exit status. */
    private int watch(Path dir, String caseNumber, String fault) throws Exception {
        return StationRuns.run(stationProcess(dir, caseNumber, fault));
    }

    /** The station's {@code capture watch --once} for a trial's folder, armed to stop at a fault point if any. */
    private ProcessBuilder stationProcess(Path dir, String caseNumber, String fault) {
        return StationRuns.watch(classpath, dir, caseNumber, fault);
    }

    /** Objects in the server's store (the embedded default's folders) that no live document refers to. */
    private int orphans() throws Exception {
        Path objects = serverHome.resolve("objects/objects");
        if (!Files.isDirectory(objects)) {
            return 0;
        }
        List<String> keys;
        try (Stream<Path> files = Files.walk(objects)) {
            keys = files.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("[0-9a-f]{64}"))
                    .toList();
        }
        int orphans = 0;
        Api admin = Api.as("admin");
        for (String hex : keys) {
            if (admin.get("/api/admin/fixity/object?key=sha256/" + hex).status() == 404) {
                orphans++;
            }
        }
        return orphans;
    }

    /** Half-written uploads left in the store's temporary folder. */
    private int temporaryFiles() throws IOException {
        Path tmp = serverHome.resolve("objects/tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return (int) files.count();
        }
    }

    private static boolean empty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
