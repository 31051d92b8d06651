package org.earchive.capture.interfaces.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;
import org.earchive.capture.infrastructure.sane.SaneScanner;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.HotFolder;
import org.earchive.capture.station.Spool;
import org.earchive.capture.station.SpoolBatch;
import org.earchive.capture.station.Station;
import org.earchive.capture.station.StationAgent;

/**
 * {@code capture watch <DIR> [--case C --material M]}: a hot folder feeding the station, which processes and uploads
 * until stopped; {@code capture station}: the same without a folder (finishes what the spool holds, e.g. after a
 * crash or hours without network). Server and account from {@code EARCHIVE_SERVER_URL} (default
 * http://localhost:8080), {@code EARCHIVE_STATION_USER} and {@code EARCHIVE_STATION_PASSWORD}; the spool under
 * {@code EARCHIVE_STATION_HOME} (default {@code ~/.earchive-station}).
 */
public final class StationCommand {
    private StationCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String command = args[0];
        if (command.equals("scan") || command.equals("agent")) {
            return scanOrAgent(args, out, err);
        }
        if (command.equals("import")) {
            return importFiles(args, out, err);
        }
        Path folder = null;
        String caseNumber = null, material = null;
        boolean once = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--case" -> caseNumber = args[++i];
                case "--material" -> material = args[++i];
                case "--once" -> once = true;
                default -> {
                    if (command.equals("watch") && folder == null && !args[i].startsWith("--")) {
                        folder = Path.of(args[i]);
                    } else {
                        err.println("capture " + command + ": unknown option " + args[i]);
                        return CaptureCommand.USAGE;
                    }
                }
            }
        }
        if (command.equals("watch") && folder == null) {
            err.println("usage: capture watch <DIR> [--case C --material M] [--once]");
            return CaptureCommand.USAGE;
        }
        String user = System.getenv().getOrDefault("EARCHIVE_STATION_USER", "station");
        String password = System.getenv("EARCHIVE_STATION_PASSWORD");
        if (password == null || password.isBlank()) {
            err.println("capture " + command + ": set EARCHIVE_STATION_PASSWORD (the station's account on the server)");
            return CaptureCommand.USAGE;
        }
        Spool spool = new Spool(home().resolve("spool"));
        URI server = URI.create(System.getenv().getOrDefault("EARCHIVE_SERVER_URL", "http://localhost:8080"));
        CaptureSettings settings = CaptureSettings.fromEnvironment();
        try (Pipeline pipeline = new Pipeline(StandardComponents.create(settings), settings)) {
            Station station = new Station(spool, pipeline, new ArchiveApiClient(server, user, password));
            HotFolder hot =
                    folder == null ? null : new HotFolder(folder, spool, caseNumber, material, settings.operator());
            if (hot != null) {
                hot.recover();
            }
            out.println("station: spool " + spool.root() + ", server " + server
                    + (hot == null ? "" : ", watching " + folder));
            return loop(station, hot, once, out);
        }
    }

    /** Takes from the hot folder, processes and uploads, round after round; with {@code once}, until nothing is left. */
    private static int loop(Station station, HotFolder hot, boolean once, PrintStream out) throws IOException {
        while (!Thread.currentThread().isInterrupted()) {
            int taken = hot == null ? 0 : hot.poll();
            Station.Round r = station.runOnce();
            if (taken + r.processed() + r.uploaded() + r.failed() > 0) {
                out.printf(
                        "took %d, processed %d, uploaded %d, failed %d, waiting for the server %d%n",
                        taken, r.processed(), r.uploaded(), r.failed(), r.waiting());
            }
            if (once && (hot == null || hot.pending() == 0) && r.waiting() == 0 && r.processed() == 0) {
                return r.failed() > 0 ? CaptureCommand.SOME_FAILED : CaptureCommand.OK;
            }
            try {
                Thread.sleep(
                        hot == null
                                ? station.pause().toMillis()
                                : Math.min(1000, station.pause().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return CaptureCommand.OK;
    }

    /** The station's folder: {@code EARCHIVE_STATION_HOME}, else {@code ~/.earchive-station}. */
    static Path home() {
        String configured = System.getProperty("earchive.station.home", System.getenv("EARCHIVE_STATION_HOME"));
        return Path.of(
                configured != null && !configured.isBlank()
                        ? configured
                        : System.getProperty("user.home") + "/.earchive-station");
    }

    /**
     * {@code capture import --case C --material M FILE...}: files from a disk, a USB stick or an e-mail, into one batch
     * of the spool (durably, in the order given); {@code capture station} then processes and uploads it.
     */
    static int importFiles(String[] args, PrintStream out, PrintStream err) throws IOException {
        String caseNumber = null, material = null;
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--case" -> caseNumber = args[++i];
                case "--material" -> material = args[++i];
                default -> files.add(Path.of(args[i]));
            }
        }
        if (caseNumber == null || material == null || files.isEmpty()) {
            err.println("usage: capture import --case C --material M FILE...");
            return CaptureCommand.USAGE;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println("capture import: no such file: " + f);
                return CaptureCommand.USAGE;
            }
        }
        Spool spool = new Spool(home().resolve("spool"));
        SpoolBatch batch = spool.open(caseNumber, material, System.getProperty("user.name"));
        for (Path f : files) {
            try (var in = Files.newInputStream(f)) {
                batch.accept(f.getFileName().toString(), in);
            }
        }
        batch.close();
        out.printf(
                "%d file(s) in batch %s; ./earchive capture station processes and uploads it%n",
                files.size(), batch.id());
        return CaptureCommand.OK;
    }

    /**
     * {@code capture scan --device host[:port]/device --case C --material M [--dpi 300]}: one stack from a SANE
     * scanner into the spool (then {@code capture station} uploads it); {@code capture agent [--device …] [--port N]}:
     * the local agent for the web page's Scan button, with the station loop behind it.
     */
    /** The options of {@code capture scan} and {@code capture agent}. */
    private record ScanOptions(String device, String caseNumber, String material, int dpi, int port) {
        SaneScanner.Address address() {
            return SaneScanner.Address.parse(device);
        }

        SaneScanner.Settings settings() {
            return new SaneScanner.Settings(dpi, "Gray", true, 500);
        }
    }

    private static int scanOrAgent(String[] args, PrintStream out, PrintStream err) throws IOException {
        String device = System.getenv().getOrDefault("EARCHIVE_SCANNER", "127.0.0.1/test:0");
        String caseNumber = null, material = null;
        int dpi = 300;
        int port = Integer.parseInt(System.getenv().getOrDefault("EARCHIVE_AGENT_PORT", "17300"));
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--device" -> device = args[++i];
                case "--case" -> caseNumber = args[++i];
                case "--material" -> material = args[++i];
                case "--dpi" -> dpi = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> {
                    err.println("capture " + args[0] + ": unknown option " + args[i]);
                    return CaptureCommand.USAGE;
                }
            }
        }
        ScanOptions options = new ScanOptions(device, caseNumber, material, dpi, port);
        Spool spool = new Spool(home().resolve("spool"));
        return args[0].equals("scan") ? scan(options, spool, out, err) : agent(options, spool, out, err);
    }

    /** One stack from the scanner into a new batch of the spool. */
    private static int scan(ScanOptions o, Spool spool, PrintStream out, PrintStream err) throws IOException {
        if (o.caseNumber() == null || o.material() == null) {
            err.println("usage: capture scan --device host[:port]/device --case C --material M [--dpi 300]");
            return CaptureCommand.USAGE;
        }
        SpoolBatch batch = spool.open(o.caseNumber(), o.material(), System.getProperty("user.name"));
        int pages = new SaneScanner()
                .scan(o.address(), o.settings(), batch, (n, w, h) -> out.printf("page %d: %d × %d%n", n, w, h));
        batch.close();
        out.printf(
                "%d page(s) in batch %s (%s); ./earchive capture station uploads it%n", pages, batch.id(), batch.dir());
        return CaptureCommand.OK;
    }

    /** The local agent for the web page's Scan button, and the station that processes and uploads what it scans. */
    private static int agent(ScanOptions o, Spool spool, PrintStream out, PrintStream err) throws IOException {
        String token = System.getenv("EARCHIVE_AGENT_TOKEN");
        if (token == null || token.length() < 16) {
            err.println("capture agent: set EARCHIVE_AGENT_TOKEN (16 characters or more; the web page sends it)");
            return CaptureCommand.USAGE;
        }
        URI server = URI.create(System.getenv().getOrDefault("EARCHIVE_SERVER_URL", "http://localhost:8080"));
        CaptureSettings capture = CaptureSettings.fromEnvironment();
        SaneScanner scanner = new SaneScanner();
        try (StationAgent agent = new StationAgent(
                o.port(),
                token,
                server,
                spool,
                (batch, progress) -> scanner.scan(o.address(), o.settings(), batch, progress::page),
                capture.station())) {
            out.println("agent: http://127.0.0.1:" + agent.port() + "/ for pages from " + server + ", scanner "
                    + o.device());
            String password = System.getenv("EARCHIVE_STATION_PASSWORD");
            if (password == null || password.isBlank()) {
                out.println(
                        "agent: EARCHIVE_STATION_PASSWORD not set: scans stay in the spool until `capture station` runs");
                Thread.currentThread().join();
            }
            try (Pipeline pipeline = new Pipeline(StandardComponents.create(capture), capture)) {
                // the Scan button's page shows the clerk the batch before it leaves (EARCHIVE_STATION_REVIEW=false: at
                // once)
                boolean review = !"false".equalsIgnoreCase(System.getenv("EARCHIVE_STATION_REVIEW"));
                String user = System.getenv().getOrDefault("EARCHIVE_STATION_USER", "station");
                new Station(spool, pipeline, new ArchiveApiClient(server, user, password), review).runForever();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CaptureCommand.OK;
    }
}
