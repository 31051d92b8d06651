package org.earchive.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.earchive.capture.infrastructure.imageio.TiffPage;
import org.earchive.capture.testing.FormScans;

/**
 * The counter station in the soak: once a minute a clerk's scanner drops two pages of a new case into a hot folder and
 * the station ({@code capture watch --once}, a process of its own, as at the counter) spools, processes and uploads
 * them through the load balancer. When the server or the store is away the station keeps its pages in its spool and
 * retries until they are taken (a run that fails is started again after 10 s). Afterwards each batch's case must hold
 * each page's original once and one archival copy per page: the station's share of "nothing lost, nothing twice".
 */
final class SoakStation {
    /** The station's figures: batches, pages, lost, duplicated, batches unfinished by the deadline. */
    record Tally(int batches, int pages, int lost, int duplicated, int unfinished) {}

    private final String classpath = System.getProperty("earchive.capture.cp");
    /** A batch the scanner dropped: its case and its pages' digests. */
    private record Batch(String caseNumber, List<String> digests) {}

    private final List<Batch> batches = new ArrayList<>();
    private int unfinished;

    /** Whether the station can run here (the launcher passes the capture station's class path). */
    boolean available() {
        return classpath != null && !classpath.isBlank();
    }

    /** A batch a minute (the first after 20 s) until {@code end}; the last batch finished by {@code end} + 3 min. */
    void run(long start, long end) {
        try {
            Path work = Files.createTempDirectory("earchive-soak-station");
            long next = start + 20_000_000_000L;
            for (int n = 1; next < end - 30_000_000_000L; n++) {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                next += 60_000_000_000L;
                batch(work.resolve("batch-" + n), n, end + 180_000_000_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | AssertionError e) {
            System.out.println("       station failed: " + e);
            unfinished++;
        }
    }

    private void batch(Path dir, int n, long deadline) throws Exception {
        Path hot = Files.createDirectories(dir.resolve("hot"));
        String caseNumber = null;
        while (caseNumber == null && System.nanoTime() < deadline) {
            try {
                caseNumber = Cases.open(Api.as("clerk"), "ENROLL");
            } catch (Exception | AssertionError away) { // the counter waits for the server like a clerk would
                Thread.sleep(5000);
            }
        }
        if (caseNumber == null) {
            unfinished++;
            return;
        }
        List<String> digests = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            byte[] page = TiffPage.encode(
                    FormScans.grey(FormScans.form(1000L * n + p, false).image()), 300);
            Files.write(hot.resolve("page-" + (p + 1) + ".tif"), page);
            digests.add(Cases.sha256Hex(page));
        }
        synchronized (batches) {
            batches.add(new Batch(caseNumber, digests));
        }
        while (watch(dir, caseNumber) != 0) {
            if (System.nanoTime() > deadline) {
                unfinished++;
                return;
            }
            Thread.sleep(10_000);
        }
    }

    private int watch(Path dir, String caseNumber) throws Exception {
        return StationRuns.run(StationRuns.watch(classpath, dir, caseNumber, null));
    }

    /** Each batch's case read back: every page's original once, one archival copy per page. */
    Tally tally() throws Exception {
        int pages = 0, lost = 0, duplicated = 0;
        List<Batch> all;
        synchronized (batches) {
            all = List.copyOf(batches);
        }
        for (Batch b : all) {
            int[] lostTwice = StationRuns.lostDuplicated(b.caseNumber(), b.digests());
            lost += lostTwice[0];
            duplicated += lostTwice[1];
            pages += b.digests().size();
        }
        return new Tally(all.size(), pages, lost, duplicated, unfinished);
    }
}
