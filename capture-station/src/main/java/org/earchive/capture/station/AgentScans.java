package org.earchive.capture.station;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Scans running in the background, one at a time (one scanner per station), each with its queue of server-sent events
 * (a page safe in the spool, the end of the stack, or the scanner's failure) for the counter page to follow.
 */
final class AgentScans implements AutoCloseable {
    private final StationAgent.Scanner scanner;
    private final ExecutorService scans = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "agent-scan");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, BlockingQueue<String>> events = new ConcurrentHashMap<>();

    AgentScans(StationAgent.Scanner scanner) {
        this.scanner = scanner;
    }

    /** Starts scanning a stack into the batch in the background; progress goes to the batch's event stream. */
    JsonObject scanInto(SpoolBatch batch) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        events.put(batch.id(), queue);
        scans.submit(() -> {
            try {
                int pages = scanner.scan(
                        batch,
                        (n, w, h) -> queue.add(AgentHttp.event(
                                "page",
                                Json.createObjectBuilder()
                                        .add("number", n)
                                        .add("width", w)
                                        .add("height", h)
                                        .build())));
                batch.close();
                queue.add(AgentHttp.event(
                        "scanned",
                        Json.createObjectBuilder().add("pages", pages).build()));
            } catch (IOException | RuntimeException e) {
                queue.add(AgentHttp.event(
                        "error",
                        AgentHttp.error(
                                "SCAN_FAILED",
                                "The scanner stopped: " + e.getMessage()
                                        + ". Pages already shown are kept; check the scanner and scan the rest.")));
                try {
                    batch.close();
                } catch (IOException ignored) {
                    // the batch stays CAPTURING; the clerk can retry
                }
            }
            queue.add("");
        });
        return Json.createObjectBuilder().add("batchId", batch.id()).build();
    }

    void stream(HttpExchange x, String batchId) throws IOException {
        BlockingQueue<String> queue = events.get(batchId);
        if (queue == null) {
            AgentHttp.send(x, 404, AgentHttp.error("NOT_FOUND", "No scan " + batchId + " on this station."));
            return;
        }
        x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            while (true) {
                String e = queue.poll(30, TimeUnit.SECONDS);
                if (e == null) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else if (e.isEmpty()) {
                    events.remove(batchId);
                    return;
                } else {
                    out.write(e.getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scans.shutdownNow();
    }
}
