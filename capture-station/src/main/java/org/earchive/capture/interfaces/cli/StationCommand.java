package org.earchive.capture.interfaces.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.HotFolder;
import org.earchive.capture.station.ServerClient;
import org.earchive.capture.station.Spool;
import org.earchive.capture.station.Station;

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
    String user = System.getenv().getOrDefault("EARCHIVE_STATION_USER", "service");
    String password = System.getenv("EARCHIVE_STATION_PASSWORD");
    if (password == null || password.isBlank()) {
      err.println("capture " + command + ": set EARCHIVE_STATION_PASSWORD (the station's account on the server)");
      return CaptureCommand.USAGE;
    }
    Path home = Path.of(System.getenv().getOrDefault("EARCHIVE_STATION_HOME",
        System.getProperty("user.home") + "/.earchive-station"));
    Spool spool = new Spool(home.resolve("spool"));
    URI server = URI.create(System.getenv().getOrDefault("EARCHIVE_SERVER_URL", "http://localhost:8080"));
    CaptureSettings settings = CaptureSettings.fromEnvironment();
    try (Pipeline pipeline = new Pipeline(StandardComponents.create(settings), settings)) {
      Station station = new Station(spool, pipeline, new ServerClient(server, user, password));
      HotFolder hot = folder == null ? null
          : new HotFolder(folder, spool, caseNumber, material, settings.operator());
      out.println("station: spool " + spool.root() + ", server " + server
          + (hot == null ? "" : ", watching " + folder));
      while (!Thread.currentThread().isInterrupted()) {
        int taken = hot == null ? 0 : hot.poll();
        Station.Round r = station.runOnce();
        if (taken + r.processed() + r.uploaded() + r.failed() > 0) {
          out.printf("took %d, processed %d, uploaded %d, failed %d, waiting for the server %d%n", taken,
              r.processed(), r.uploaded(), r.failed(), r.waiting());
        }
        if (once && (hot == null || hot.pending() == 0) && r.waiting() == 0 && r.processed() == 0) {
          return r.failed() > 0 ? CaptureCommand.SOME_FAILED : CaptureCommand.OK;
        }
        try {
          Thread.sleep(hot == null ? station.pause().toMillis() : Math.min(1000, station.pause().toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return CaptureCommand.OK;
  }
}
