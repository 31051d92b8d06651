package org.earchive.capture.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.earchive.capture.infrastructure.sane.SaneScanner;
import org.earchive.capture.infrastructure.sane.Saned;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local agent the Scan button calls, in front of a real saned: token, CORS, a scan streamed page by page. */
class StationAgentTest {
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final String ORIGIN = "http://localhost:8080";
    private static Saned saned;
    private static StationAgent agent;
    private static Spool spool;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Saned.BINARY), "sane-utils not installed (./earchive installs it)");
        saned = new Saned(Files.createDirectories(dir.resolve("sane")));
        spool = new Spool(dir.resolve("spool"));
        SaneScanner scanner = new SaneScanner();
        StationAgent.Scanner sane = (batch, progress) ->
                scanner.scan(saned.device(), new SaneScanner.Settings(300, "Gray", true, 2), batch, progress::page);
        agent = new StationAgent(0, TOKEN, URI.create(ORIGIN + "/"), spool, sane, "counter-07");
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
        if (saned != null) {
            saned.close();
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path));
    }

    @Test
    void aScanStreamsEachPageAndLeavesTheStackInTheSpool() throws Exception {
        HttpResponse<String> started = HTTP.send(
                request("/scans")
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Origin", ORIGIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"caseNumber\":\"C202611300000009\",\"material\":\"ID_CARD\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        assertEquals(
                ORIGIN,
                started.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        String batchId = started.body().replaceAll(".*\"batchId\":\"([^\"]+)\".*", "$1");

        HttpResponse<Stream<String>> stream = HTTP.send(
                request("/scans/" + batchId + "/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(
                "text/event-stream; charset=utf-8",
                stream.headers().firstValue("Content-Type").orElse(""));
        List<String> events = new ArrayList<>();
        stream.body().filter(l -> l.startsWith("event: ")).forEach(l -> events.add(l.substring(7)));
        assertEquals(List.of("page", "page", "scanned"), events);

        SpoolBatch batch = spool.batches().stream()
                .filter(b -> b.id().equals(batchId))
                .findFirst()
                .orElseThrow();
        assertEquals(2, batch.originalFiles().size());
        assertEquals(Spool.State.QUEUED, batch.state(), "the finished stack waits for processing");
    }

    @Test
    void qualityControlThroughTheAgent() throws Exception {
        SpoolBatch batch = spool.open("C202611300000010", "ID_CARD", "clerk");
        for (String name : List.of("a.tif", "b.tif", "c.tif")) {
            batch.accept(name, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        }
        batch.close();
        String auth = "Bearer " + TOKEN;
        HttpResponse<String> report = HTTP.send(
                request("/scans/" + batch.id())
                        .header("Authorization", auth)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains("\"pageCount\":3"), report.body());

        HttpResponse<String> deleted = HTTP.send(
                request("/scans/" + batch.id() + "/pages/2")
                        .header("Authorization", auth)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(deleted.body().contains("\"pageCount\":2"), deleted.body());

        HttpResponse<String> reordered = HTTP.send(
                request("/scans/" + batch.id() + "/order")
                        .header("Authorization", auth)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"order\":[2,1]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reordered.statusCode(), reordered.body());
        assertTrue(reordered.body().indexOf("c.tif") < reordered.body().indexOf("a.tif"), reordered.body());

        HttpResponse<String> badOrder = HTTP.send(
                request("/scans/" + batch.id() + "/order")
                        .header("Authorization", auth)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"order\":[1,1]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badOrder.statusCode(), badOrder.body());

        HttpResponse<String> turned = HTTP.send(
                request("/scans/" + batch.id() + "/pages/1/turn")
                        .header("Authorization", auth)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"degrees\":90}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, turned.statusCode(), turned.body());
        assertEquals(90, batch.turn(batch.originalFiles().get(0)));

        HttpResponse<String> early = HTTP.send(
                request("/scans/" + batch.id() + "/approve")
                        .header("Authorization", auth)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(409, early.statusCode(), "only a processed batch in review is approved: " + early.body());
    }

    @Test
    void withoutTheTokenNothingHappens() throws Exception {
        HttpResponse<String> r = HTTP.send(request("/status").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        HttpResponse<String> wrong = HTTP.send(
                request("/status")
                        .header("Authorization", "Bearer wrong-token-1234567")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> ok = HTTP.send(
                request("/status")
                        .header("Authorization", "Bearer " + TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("counter-07"), ok.body());
    }

    @Test
    void onlyTheServersPagesMayCallIt() throws Exception {
        HttpResponse<String> evil = HTTP.send(
                request("/status")
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Origin", "http://evil.example")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, evil.statusCode());
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> preflight = HTTP.send(
                request("/scans")
                        .header("Origin", ORIGIN)
                        .header("Access-Control-Request-Method", "POST")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .contains("Authorization"));
    }
}
