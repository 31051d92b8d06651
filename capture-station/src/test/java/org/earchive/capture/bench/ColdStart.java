package org.earchive.capture.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earchive.capture.testing.FormScans;

/**
 * Whole processes, cold, as a clerk's script runs them: {@code ./earchive capture process} (JVM start, class loading,
 * OpenCV, Tesseract's model, veraPDF, the font — then the pages) against {@code ocrmypdf} on the same pages. First-page
 * latency is one page alone, process start to PDF/A on disk; the batch is the same 12-page scanner PDF for both.
 * Medians of three runs (OCRmyPDF's batch once); the launcher's class-data-sharing archive is made by a first,
 * unmeasured run.
 */
final class ColdStart {
    private static final int RUNS = 3;

    private ColdStart() {}

    static void run(Path work, long seed) throws Exception {
        Path root = repositoryRoot();
        Path dir = Files.createDirectories(work.resolve("cold"));
        List<FormScans.Scan> twelve = FormScans.forms(seed + 7, 12);
        Path onePage = CaptureBench.scannerPdf(dir.resolve("one.pdf"), twelve.subList(0, 1));
        Path batch = CaptureBench.scannerPdf(dir.resolve("twelve.pdf"), twelve);
        System.out.println();
        System.out.println("cold, whole processes (" + root.resolve("earchive") + " capture process vs ocrmypdf):");
        // the run after a build archives the classes it loads (class-data sharing); not measured
        earchive(root, onePage, dir.resolve("prime"), Map.of());
        double oursOne = median(() -> earchive(root, onePage, fresh(dir, "one"), Map.of()));
        double oursOneNoCds =
                median(() -> earchive(root, onePage, fresh(dir, "one-nocds"), Map.of("EARCHIVE_CAPTURE_CDS", "false")));
        double oursBatch = median(() -> earchive(root, batch, fresh(dir, "twelve"), Map.of()));
        double theirsOne = median(() -> ocrmypdf(onePage, fresh(dir, "o-one").resolve("out.pdf")));
        // OCRmyPDF's batch takes a minute and a half or more: once (its spread between runs is a few percent)
        double theirsBatch = ocrmypdf(batch, fresh(dir, "o-twelve").resolve("out.pdf"));
        System.out.printf("%-34s %10s %10s %8s%n", "", "earchive", "OCRmyPDF", "ratio");
        System.out.printf(
                "%-34s %9.2fs %9.2fs %7.1f×%n", "first page (one page alone)", oursOne, theirsOne, theirsOne / oursOne);
        System.out.printf("%-34s %9.2fs%n", "  the same without class sharing", oursOneNoCds);
        System.out.printf(
                "%-34s %9.2fs %9.2fs %7.1f×%n", "12-page batch", oursBatch, theirsBatch, theirsBatch / oursBatch);
        System.out.printf(
                "first page %.2f s (target ≤ 2 s); 12-page batch %.1f× OCRmyPDF, whole processes, cold (target ≥ 5×)%n",
                oursOne, theirsBatch / oursBatch);
    }

    interface Timed {
        double seconds() throws Exception;
    }

    private static double median(Timed timed) throws Exception {
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            all.add(timed.seconds());
        }
        System.out.println(
                "  runs: " + all.stream().map(s -> String.format("%.2f", s)).toList());
        return all.stream().sorted().toList().get(RUNS / 2);
    }

    private static Path fresh(Path dir, String name) throws IOException {
        Path out = dir.resolve(name + "-" + System.nanoTime());
        return Files.createDirectories(out);
    }

    private static double earchive(Path root, Path input, Path out, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        root.resolve("earchive").toString(),
                        "capture",
                        "process",
                        "--in",
                        input.toString(),
                        "--out",
                        out.toString())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        return timed(pb, "earchive capture process");
    }

    private static double ocrmypdf(Path input, Path output) throws Exception {
        return timed(
                new ProcessBuilder(
                                "ocrmypdf",
                                "--deskew",
                                "--clean",
                                "--rotate-pages",
                                "-l",
                                "chi_sim",
                                "--output-type",
                                "pdfa",
                                "-j",
                                "2",
                                "-q",
                                input.toString(),
                                output.toString())
                        .redirectErrorStream(true),
                "ocrmypdf");
    }

    private static double timed(ProcessBuilder pb, String what) throws Exception {
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (status != 0) {
            throw new IllegalStateException(what + " failed (" + status + "): " + output);
        }
        return seconds;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("earchive"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository: the earchive launcher was not found");
        }
        return dir;
    }
}
