package org.earchive.capture.station;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The station's local agent: a small HTTP API on 127.0.0.1 that the web page's Scan button calls. Every request needs
 * the station's token ({@code Authorization: Bearer …}); browsers may call it only from the configured server origin
 * (CORS). A scan streams its progress page by page as server-sent events while the pages land in the spool.
 *
 * <pre>
 * GET  /status                        the station, its spool, its scanner
 * POST /scans {caseNumber, material}  starts scanning a stack into a new batch → {batchId}; without a case, the batch
 *                                     is read (its fields proposed to the counter) and held until PUT …/case
 * PUT  /scans/{batchId}/case {caseNumber, material}   gives a batch scanned before its case to the case
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
        int scan(SpoolBatch batch, PageCallback progress) throws IOException;
    }

    /** Called as each page is safe in the spool. */
    public interface PageCallback {
        void page(int number, int width, int height);
    }

    private final HttpServer http;

    private final Spool spool;

    private final byte[] token;

    private final String allowedOrigin;

    private final String station;

    private final AgentScans scans;

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
        this.scans = new AgentScans(scanner);
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
                AgentHttp.send(
                        x,
                        403,
                        AgentHttp.error(
                                "ORIGIN_NOT_ALLOWED", "This station serves pages from " + allowedOrigin + " only."));
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
                AgentHttp.send(
                        x,
                        401,
                        AgentHttp.error("UNAUTHENTICATED", "Send the station's token: Authorization: Bearer <token>."));
                return;
            }
            String path = x.getRequestURI().getPath();
            if (x.getRequestMethod().equals("GET") && path.equals("/status")) {
                status(x);
            } else if (x.getRequestMethod().equals("POST") && path.equals("/scans")) {
                startScan(x);
            } else if (x.getRequestMethod().equals("GET") && path.matches("/scans/[A-Za-z0-9-]+/events")) {
                scans.stream(x, path.split("/")[2]);
            } else if (path.matches("/scans/[A-Za-z0-9-]+(/.*)?")) {
                qualityControl(x, path);
            } else {
                AgentHttp.send(x, 404, AgentHttp.error("NOT_FOUND", "No such agent resource: " + path));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "agent request failed", e);
            AgentHttp.send(x, 500, AgentHttp.error("AGENT_FAILED", "The station agent failed: " + e.getMessage()));
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
        for (SpoolBatch b : spool.batches()) {
            byState.merge(b.state(), 1, Integer::sum);
        }
        byState.forEach((s, n) -> counts.add(s.name(), n));
        AgentHttp.send(
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
            AgentHttp.send(
                    x,
                    400,
                    AgentHttp.error("INVALID_REQUEST", "Send JSON: {\"caseNumber\": \"…\", \"material\": \"…\"}."));
            return;
        }
        String caseNumber = body.getString("caseNumber", null);
        String material = body.getString("material", null);
        if (material == null) {
            // without a case: the counter reads the applicant from the pages first and gives the case later
            AgentHttp.send(x, 400, AgentHttp.error("INVALID_REQUEST", "material is required (caseNumber may follow)."));
            return;
        }
        SpoolBatch batch = spool.open(caseNumber, material, body.getString("operator", null));
        AgentHttp.send(x, 202, scans.scanInto(batch));
    }

    /** Quality control of one batch: look at it, turn, delete or reorder pages, rescan, approve. */
    private void qualityControl(HttpExchange x, String path) throws IOException {
        String[] parts = path.split("/");
        SpoolBatch batch = find(parts[2]);
        if (batch == null) {
            AgentHttp.send(x, 404, AgentHttp.error("NOT_FOUND", "No batch " + parts[2] + " on this station."));
            return;
        }
        String method = x.getRequestMethod();
        try {
            List<Path> originals = batch.originalFiles();
            if (method.equals("GET") && parts.length == 3) {
                AgentHttp.send(x, 200, QualityReport.of(batch));
                return;
            } else if (method.equals("POST")
                    && parts.length == 6
                    && parts[3].equals("pages")
                    && parts[5].equals("turn")) {
                batch.turn(original(originals, parts[4]), AgentHttp.body(x).getInt("degrees"));
            } else if (method.equals("DELETE") && parts.length == 5 && parts[3].equals("pages")) {
                batch.discard(original(originals, parts[4]));
            } else if (method.equals("PUT") && parts.length == 4 && parts[3].equals("order")) {
                List<Path> order = new ArrayList<>();
                for (var n : AgentHttp.body(x).getJsonArray("order").getValuesAs(JsonNumber.class)) {
                    order.add(original(originals, Integer.toString(n.intValue())));
                }
                batch.reorder(order);
            } else if (method.equals("PUT") && parts.length == 4 && parts[3].equals("case")) {
                JsonObject target = AgentHttp.body(x);
                batch.assign(target.getString("caseNumber"), target.getString("material", null));
            } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("approve")) {
                batch.approve();
            } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("rescan")) {
                batch.reopen();
                AgentHttp.send(x, 202, scans.scanInto(batch));
                return;
            } else {
                AgentHttp.send(x, 404, AgentHttp.error("NOT_FOUND", "No such agent resource: " + method + " " + path));
                return;
            }
            AgentHttp.send(x, 200, QualityReport.of(batch));
        } catch (IllegalStateException e) {
            AgentHttp.send(x, 409, AgentHttp.error("BATCH_NOT_EDITABLE", e.getMessage()));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            AgentHttp.send(
                    x,
                    400,
                    AgentHttp.error("INVALID_REQUEST", e.getMessage() == null ? "malformed request" : e.getMessage()));
        }
    }

    private SpoolBatch find(String id) throws IOException {
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

    @Override
    public void close() {
        http.stop(0);
        scans.close();
    }
}
