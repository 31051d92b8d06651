package org.earchive.capture.interfaces.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.pipeline.CaptureResult;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Components;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.pipeline.Sidecar;
import org.earchive.capture.pipeline.StepTimes;

/**
 * {@code ./earchive capture process --in <file-or-dir>... --out <DIR> [--lang chi_sim] [--workers N]}: batch
 * digitisation and checks. Exit status 0 when every input became a PDF/A, 2 when any input failed (each failure has
 * its {@code .error.json} and a copy of the original in {@code <DIR>/quarantine/}), 64 for a usage error.
 */
public final class CaptureCommand {
    static final int OK = 0;
    static final int SOME_FAILED = 2;
    static final int USAGE = 64;

    private CaptureCommand() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && List.of("transfer", "admin").contains(args[0])) {
            System.exit(ArchiveCommand.run(args, System.getenv(), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("worker")) {
            try {
                System.exit(WorkerCommand.run(args, System.out, System.err));
            } catch (InterruptedException e) {
                System.exit(CaptureCommand.OK);
            }
        }
        if (args.length > 0
                && List.of("watch", "station", "scan", "agent", "import").contains(args[0])) {
            System.exit(StationCommand.run(args, System.out, System.err));
        }
        System.exit(run(args, System.out, System.err, null));
    }

    /** The station's commands (watch, station, scan, agent, import). */
    public static int runStation(String[] args, PrintStream out, PrintStream err) throws IOException {
        return StationCommand.run(args, out, err);
    }

    /** @param components the engines to use, or null for the standard ones (tests inject faults here) */
    public static int run(String[] args, PrintStream out, PrintStream err, Components components) {
        if (args.length == 0 || !args[0].equals("process")) {
            err.println("usage: capture process --in <file-or-dir>... --out <DIR> [--lang chi_sim] [--workers N]");
            return USAGE;
        }
        List<Path> inputs = new ArrayList<>();
        Path outDir = null;
        CaptureSettings settings = CaptureSettings.fromEnvironment();
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--in" -> {
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            inputs.add(Path.of(args[++i]));
                        }
                    }
                    case "--out" -> outDir = Path.of(args[++i]);
                    case "--lang" -> settings = settings.withLanguage(args[++i]);
                    case "--workers" -> settings = settings.withWorkers(Integer.parseInt(args[++i]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (inputs.isEmpty() || outDir == null) {
                throw new IllegalArgumentException("--in and --out are required");
            }
        } catch (RuntimeException e) {
            err.println("capture: " + e.getMessage());
            err.println("usage: capture process --in <file-or-dir>... --out <DIR> [--lang chi_sim] [--workers N]");
            return USAGE;
        }
        List<Path> files;
        try {
            files = expand(inputs);
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("capture: " + e.getMessage());
            return USAGE;
        }
        int failed = 0;
        long started = System.nanoTime();
        int pages = 0;
        ExecutorService inputsInFlight = Executors.newFixedThreadPool(Math.max(1, settings.workers()));
        try (Pipeline pipeline =
                new Pipeline(components != null ? components : StandardComponents.create(settings), settings)) {
            // the models, rules and font load side by side while the first file is read
            pipeline.warmUp();
            Map<String, Integer> stems = new HashMap<>();
            files.forEach(f -> stems.merge(Pipeline.stem(f), 1, Integer::sum));
            // as many inputs in flight as workers: a batch of one-page files keeps every worker busy (their pages
            // share the pipeline's workers); results are reported in the order given
            List<Future<CaptureResult>> results = new ArrayList<>();
            for (Path file : files) {
                // simple.pdf and simple.png in one batch must not overwrite each other's results
                String stem = stems.get(Pipeline.stem(file)) > 1
                        ? file.getFileName().toString().replace('.', '_')
                        : Pipeline.stem(file);
                Path target = outDir;
                results.add(inputsInFlight.submit(() -> pipeline.process(file, target, stem, Pipeline.Context.none())));
            }
            for (int i = 0; i < files.size(); i++) {
                int written = record(result(results.get(i)), files.get(i), outDir, out, err);
                if (written < 0) {
                    failed++;
                } else {
                    pages += written;
                }
            }
        } finally {
            inputsInFlight.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("capture: %d input(s), %d failed, %d page(s) in %.1f s%n", files.size(), failed, pages, seconds);
        if (StepTimes.on()) {
            out.println("capture: CPU ms by step " + StepTimes.snapshot());
        }
        return failed > 0 ? SOME_FAILED : OK;
    }

    private static CaptureResult result(Future<CaptureResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // process() reports every failure in its result; anything else is a bug to see whole
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes the file's sidecar (quarantining a failed input) and says what became of it; its pages, -1 if failed. */
    private static int record(CaptureResult result, Path file, Path outDir, PrintStream out, PrintStream err) {
        try {
            Sidecar.write(result, outDir);
            if (result.failed()) {
                Pipeline.quarantine(file, outDir.resolve("quarantine"));
                err.printf("%s: %s %s%n", file.getFileName(), result.error(), result.errorMessage());
                return -1;
            }
            String documents = String.join(
                    ", ",
                    result.documents().stream()
                            .map(d -> d.file().getFileName().toString())
                            .toList());
            out.printf(
                    "%s: %d page(s) -> %s%s%n",
                    file.getFileName(),
                    result.pages().size(),
                    documents,
                    result.warnings().isEmpty() ? "" : " (" + result.warnings().size() + " warning(s))");
            return result.pages().size();
        } catch (IOException e) {
            err.printf("%s: cannot write the results to %s: %s%n", file.getFileName(), outDir, e.getMessage());
            return -1;
        }
    }

    /** Files as given, folders by their regular files in name order (hidden files and sidecars skipped). */
    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("no such file or folder: " + p);
            }
        }
        return files;
    }
}
