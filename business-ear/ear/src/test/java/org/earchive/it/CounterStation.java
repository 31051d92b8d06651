package org.earchive.it;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;
import org.earchive.capture.infrastructure.StandardComponents;
import org.earchive.capture.infrastructure.http.ArchiveApiClient;
import org.earchive.capture.pipeline.CaptureSettings;
import org.earchive.capture.pipeline.Pipeline;
import org.earchive.capture.station.Spool;
import org.earchive.capture.station.Station;
import org.earchive.capture.station.StationAgent;

/**
 * A counter's capture station in this JVM, as the Scan button finds it: the local agent on 127.0.0.1:17300 with its
 * token, the spool, the pipeline and the station loop (process, hold for quality control, upload as "station").
 */
final class CounterStation implements AutoCloseable {
    final String token = "browser-it-token-" + UUID.randomUUID();
    final Spool spool;
    private final Pipeline pipeline;
    private final StationAgent agent;
    private final Thread loop;

    CounterStation(Path dir, StationAgent.Scanner scanner) throws Exception {
        Accounts.ensure("clerk", "station");
        var settings = CaptureSettings.fromEnvironment().withWorkers(1);
        pipeline = new Pipeline(StandardComponents.create(settings), settings);
        spool = new Spool(dir.resolve("spool"));
        awaitFreePort(17300);
        agent = new StationAgent(17300, token, URI.create(Api.BASE + "/"), spool, scanner, "counter-it");
        var station =
                new Station(spool, pipeline, new ArchiveApiClient(URI.create(Api.BASE), "station", Api.PASSWORD), true);
        loop = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            station.runOnce();
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            // the next round tries again, as the station does
                        }
                    }
                },
                "station-loop");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void close() throws Exception {
        loop.interrupt();
        loop.join(10_000);
        agent.close();
        pipeline.close();
    }

    /**
     * The page calls the agent at its fixed address, so the test needs that port. Once (2026-12-01, the PostgreSQL
     * run) something else held it for a moment: wait for it up to a minute, and say who holds it if it stays taken.
     */
    private static void awaitFreePort(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try (var s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress("127.0.0.1", port));
                return;
            } catch (BindException e) {
                if (System.currentTimeMillis() > deadline) {
                    Process ss = new ProcessBuilder("ss", "-tanp")
                            .redirectErrorStream(true)
                            .start();
                    String holders = new String(ss.getInputStream().readAllBytes())
                            .lines()
                            .filter(l -> l.contains(":" + port + " "))
                            .collect(Collectors.joining("\n"));
                    throw new IllegalStateException("port " + port + " stays taken:\n" + holders, e);
                }
                Thread.sleep(1000);
            }
        }
    }
}
