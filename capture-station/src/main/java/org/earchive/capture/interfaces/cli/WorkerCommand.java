package org.earchive.capture.interfaces.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.CaptureWorker;

/**
 * {@code capture worker [--threads N] [--name NAME]}: server-side capture, the station's pipeline taking jobs from the
 * archive's queue until stopped. Threads default to {@code EARCHIVE_CAPTURE_THREADS}, else the cores less one (at
 * least one): the node's last core stays with the server. Server and account as the station's
 * ({@code EARCHIVE_SERVER_URL}, {@code EARCHIVE_STATION_USER}, {@code EARCHIVE_STATION_PASSWORD}); work files under
 * {@code EARCHIVE_STATION_HOME}/worker.
 */
final class WorkerCommand {
    private WorkerCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int threads = defaultThreads();
        String name = hostName() + "-" + ProcessHandle.current().pid();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Math.max(1, Integer.parseInt(args[++i]));
                case "--name" -> name = args[++i];
                default -> {
                    err.println("usage: capture worker [--threads N] [--name NAME]");
                    return CaptureCommand.USAGE;
                }
            }
        }
        String user = System.getenv().getOrDefault("EARCHIVE_STATION_USER", "station");
        String password = System.getenv("EARCHIVE_STATION_PASSWORD");
        if (password == null || password.isBlank()) {
            err.println("capture worker: set EARCHIVE_STATION_PASSWORD (the station's account on the server)");
            return CaptureCommand.USAGE;
        }
        URI server = URI.create(System.getenv().getOrDefault("EARCHIVE_SERVER_URL", "http://localhost:8080"));
        ArchiveApiClient api = new ArchiveApiClient(server, user, password);
        CaptureSettings settings = CaptureSettings.fromEnvironment().withWorkers(1);
        Path work = StationCommand.home().resolve("worker");
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> loops = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            CaptureWorker worker = new CaptureWorker(
                    api,
                    new Pipeline(StandardComponents.create(settings), settings),
                    work.resolve(String.valueOf(i)),
                    name + "-" + i);
            Thread t = new Thread(
                    () -> {
                        try {
                            worker.run(stop::get);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "capture-worker-" + i);
            t.start();
            loops.add(t);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
        out.println("capture worker " + name + ": " + threads + " thread(s), server " + server);
        for (Thread t : loops) {
            t.join();
        }
        return CaptureCommand.OK;
    }

    static int defaultThreads() {
        String configured = System.getenv("EARCHIVE_CAPTURE_THREADS");
        if (configured != null && !configured.isBlank()) {
            return Math.max(1, Integer.parseInt(configured.trim()));
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
        } catch (java.io.IOException e) {
            return "worker";
        }
    }
}
