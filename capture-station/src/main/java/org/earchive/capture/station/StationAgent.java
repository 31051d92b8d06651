package org.earchive.capture.station;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The station's local agent: a small HTTP API on 127.0.0.1 that the web page's Scan button calls. Every request needs
 * the station's token ({@code Authorization: Bearer …}); browsers may call it only from the configured server origin
 * (CORS). A scan streams its progress page by page as server-sent events while the pages land in the spool.
 *
 * <pre>
 * GET  /status                        the station, its spool, its scanner
 * POST /scans {caseNumber, material}  starts scanning a stack into a new batch → {batchId}
 * GET  /scans/{batchId}/events        text/event-stream: page {number,width,height} …, scanned {pages}, error {code,message}
 * GET  /scans/{batchId}               quality control: pages, resolution, skew, blank, duplicates, warnings
 * POST /scans/{batchId}/pages/{n}/turn {degrees}    DELETE /scans/{batchId}/pages/{n}    PUT /scans/{batchId}/order {order}
 * POST /scans/{batchId}/rescan        POST /scans/{batchId}/approve
 * </pre>
 */
public final class StationAgent implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StationAgent.class.getName());

    /** How the agent acquires a stack into a batch (a SANE scanner in production, anything in tests). */
    public interface Scanner {
        int scan(Spool.Batch batch, PageCallback progress) throws IOException;
    }

    /** Called as each page is safe in the spool. */
    public interface PageCallback {
        void page(int number, int width, int height);
    }

    private final HttpServer http;
    private final Spool spool;
    private final Scanner scanner;
    private final byte[] token;
    private final String allowedOrigin;
    private final String station;
    private final ExecutorService scans = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "agent-scan");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, BlockingQueue<String>> events = new ConcurrentHashMap<>();

    /**
     * @param port 0 for any free port
     * @param serverOrigin the earchive server's origin (e.g. http://localhost:8080): the only page allowed to call
     */
    public StationAgent(int port, String token, URI serverOrigin, Spool spool, Scanner scanner, String station)
            throws IOException {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the agent token must have at least 16 characters");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.allowedOrigin = serverOrigin.getScheme() + "://" + serverOrigin.getAuthority();
        this.spool = spool;
        this.scanner = scanner;
        this.station = station;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "agent-http");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String origin = x.getRequestHeaders().getFirst("Origin");
            if (origin != null && !origin.equals(allowedOrigin)) {
                send(x, 403, error("ORIGIN_NOT_ALLOWED", "This station serves pages from " + allowedOrigin + " only."));
                return;
            }
            if (origin != null) {
                x.getResponseHeaders().set("Access-Control-Allow-Origin", allowedOrigin);
                x.getResponseHeaders().set("Vary", "Origin");
            }
            if (x.getRequestMethod().equals("OPTIONS")) {
                x.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
                x.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization, Content-Type");
                x.getResponseHeaders().set("Access-Control-Max-Age", "600");
                x.sendResponseHeaders(204, -1);
                return;
            }
            if (!authorised(x)) {
                send(x, 401, error("UNAUTHENTICATED", "Send the station's token: Authorization: Bearer <token>."));
                return;
            }
            String path = x.getRequestURI().getPath();
            if (x.getRequestMethod().equals("GET") && path.equals("/status")) {
                status(x);
            } else if (x.getRequestMethod().equals("POST") && path.equals("/scans")) {
                startScan(x);
            } else if (x.getRequestMethod().equals("GET") && path.matches("/scans/[A-Za-z0-9-]+/events")) {
                stream(x, path.split("/")[2]);
            } else if (path.matches("/scans/[A-Za-z0-9-]+(/.*)?")) {
                qualityControl(x, path);
            } else {
                send(x, 404, error("NOT_FOUND", "No such agent resource: " + path));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "agent request failed", e);
            send(x, 500, error("AGENT_FAILED", "The station agent failed: " + e.getMessage()));
        } finally {
            x.close();
        }
    }

    private boolean authorised(HttpExchange x) {
        String header = x.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    private void status(HttpExchange x) throws IOException {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        Map<Spool.State, Integer> byState = new EnumMap<>(Spool.State.class);
        for (Spool.Batch b : spool.batches()) {
            byState.merge(b.state(), 1, Integer::sum);
        }
        byState.forEach((s, n) -> counts.add(s.name(), n));
        send(
                x,
                200,
                Json.createObjectBuilder()
                        .add("station", station)
                        .add("spool", counts)
                        .build());
    }

    private void startScan(HttpExchange x) throws IOException {
        JsonObject body;
        try (InputStream in = x.getRequestBody()) {
            body = Json.createReader(new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (RuntimeException e) {
            send(x, 400, error("INVALID_REQUEST", "Send JSON: {\"caseNumber\": \"…\", \"material\": \"…\"}."));
            return;
        }
        String caseNumber = body.getString("caseNumber", null);
        String material = body.getString("material", null);
        if (caseNumber == null || material == null) {
            send(x, 400, error("INVALID_REQUEST", "caseNumber and material are required."));
            return;
        }
        Spool.Batch batch = spool.open(caseNumber, material, body.getString("operator", null));
        send(x, 202, scanInto(batch));
    }

    /** Starts scanning a stack into the batch in the background; progress goes to the batch's event stream. */
    private JsonObject scanInto(Spool.Batch batch) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        events.put(batch.id(), queue);
        scans.submit(() -> {
            try {
                int pages = scanner.scan(
                        batch,
                        (n, w, h) -> queue.add(event(
                                "page",
                                Json.createObjectBuilder()
                                        .add("number", n)
                                        .add("width", w)
                                        .add("height", h)
                                        .build())));
                batch.close();
                queue.add(event(
                        "scanned",
                        Json.createObjectBuilder().add("pages", pages).build()));
            } catch (IOException | RuntimeException e) {
                queue.add(event(
                        "error",
                        error(
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

    /** Quality control of one batch: look at it, turn, delete or reorder pages, rescan, approve. */
    private void qualityControl(HttpExchange x, String path) throws IOException {
        String[] parts = path.split("/");
        Spool.Batch batch = find(parts[2]);
        if (batch == null) {
            send(x, 404, error("NOT_FOUND", "No batch " + parts[2] + " on this station."));
            return;
        }
        String method = x.getRequestMethod();
        try {
            List<Path> originals = batch.originalFiles();
            if (method.equals("GET") && parts.length == 3) {
                send(x, 200, QualityReport.of(batch));
                return;
            } else if (method.equals("POST")
                    && parts.length == 6
                    && parts[3].equals("pages")
                    && parts[5].equals("turn")) {
                batch.turn(original(originals, parts[4]), body(x).getInt("degrees"));
            } else if (method.equals("DELETE") && parts.length == 5 && parts[3].equals("pages")) {
                batch.discard(original(originals, parts[4]));
            } else if (method.equals("PUT") && parts.length == 4 && parts[3].equals("order")) {
                List<Path> order = new ArrayList<>();
                for (var n : body(x).getJsonArray("order").getValuesAs(JsonNumber.class)) {
                    order.add(original(originals, Integer.toString(n.intValue())));
                }
                batch.reorder(order);
            } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("approve")) {
                batch.approve();
            } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("rescan")) {
                batch.reopen();
                send(x, 202, scanInto(batch));
                return;
            } else {
                send(x, 404, error("NOT_FOUND", "No such agent resource: " + method + " " + path));
                return;
            }
            send(x, 200, QualityReport.of(batch));
        } catch (IllegalStateException e) {
            send(x, 409, error("BATCH_NOT_EDITABLE", e.getMessage()));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            send(x, 400, error("INVALID_REQUEST", e.getMessage() == null ? "malformed request" : e.getMessage()));
        }
    }

    private Spool.Batch find(String id) throws IOException {
        return spool.batches().stream()
                .filter(b -> b.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    /** The original behind page number {@code n} (1-based, as the report numbers originals). */
    private static Path original(List<Path> originals, String n) {
        int i = Integer.parseInt(n);
        if (i < 1 || i > originals.size()) {
            throw new IllegalArgumentException("no page " + n + " in this batch (it has " + originals.size() + ")");
        }
        return originals.get(i - 1);
    }

    private static JsonObject body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return Json.createReader(new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("send a JSON body");
        }
    }

    private void stream(HttpExchange x, String batchId) throws IOException {
        BlockingQueue<String> queue = events.get(batchId);
        if (queue == null) {
            send(x, 404, error("NOT_FOUND", "No scan " + batchId + " on this station."));
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

    private static String event(String name, JsonObject data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("message", message)
                .build();
    }

    private static void send(HttpExchange x, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        scans.shutdownNow();
    }
}
