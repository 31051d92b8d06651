package org.earchive.capture.infrastructure.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.earchive.capture.faults.FaultPoint;
import org.earchive.capture.station.port.ArchiveServer;
import org.earchive.capture.station.port.CaptureJobs;

/**
 * The archive server's REST API over HTTP: the station's multipart upload with an {@code Idempotency-Key} (answered
 * with the document the server recorded, its SHA-256 included for the station to compare with its own), transfer
 * packages out and in, and administration. Request bodies are built as JSON, never by pasting strings.
 */
public final class ArchiveApiClient implements ArchiveServer, CaptureJobs {
    private final URI base;
    private final String authorization;
    private final HttpClient http;

    public ArchiveApiClient(URI base, String user, String password) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public Uploaded upload(String caseNumber, String material, String role, Path file, String contentType, String key)
            throws IOException {
        String boundary = "earchive-" + UUID.randomUUID();
        String fileName = file.getFileName().toString();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\n" + material
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\n" + role
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20") + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")
                + "\r\nContent-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                FaultPoint.armed(FaultPoint.UPLOAD_BODY) ? halfThenHalt(file) : HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(
                        "api/cases/" + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8) + "/documents"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Idempotency-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("server not reachable at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            JsonObject view = json(response.body());
            return new Uploaded(view.getJsonNumber("id").longValue(), view.getString("sha256"), status == 200);
        }
        if (status >= 500 || status == 429 || status == 408) {
            throw new Unavailable("server answered " + status + ": " + response.body(), null);
        }
        JsonObject error = safeJson(response.body());
        throw new Rejected(error.getString("code", "HTTP_" + status), error.getString("message", response.body()));
    }

    @Override
    public List<Job> claim(String worker, int limit) throws IOException {
        Answer a = checked(send(
                request("api/capture/jobs/claim?worker=" + enc(worker) + "&limit=" + limit)
                        .POST(HttpRequest.BodyPublishers.noBody()),
                BodyHandlers.ofString()));
        try (var reader = Json.createReader(new StringReader(a.body()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(j -> new Job(
                            j.getJsonNumber("documentId").longValue(),
                            j.getString("caseNumber"),
                            j.getString("material"),
                            j.getString("fileName"),
                            j.getString("contentType"),
                            j.getJsonNumber("size").longValue(),
                            j.getString("sha256"),
                            j.getInt("attempt")))
                    .toList();
        }
    }

    @Override
    public void original(long documentId, String worker, Path target) throws IOException {
        HttpResponse<Path> r = sendFor(
                request("api/capture/jobs/" + documentId + "/original?worker=" + enc(worker))
                        .GET(),
                BodyHandlers.ofFile(target));
        if (r.statusCode() != 200) {
            String body = Files.readString(target);
            Files.deleteIfExists(target);
            checked(new Answer(r.statusCode(), body, r.headers()));
        }
    }

    @Override
    public Uploaded complete(long documentId, String worker, int pages, Path pdf) throws IOException {
        Answer a = checked(send(
                request("api/capture/jobs/" + documentId + "/result?worker=" + enc(worker) + "&pages=" + pages)
                        .header("Content-Type", "application/pdf")
                        .PUT(HttpRequest.BodyPublishers.ofFile(pdf)),
                BodyHandlers.ofString()));
        JsonObject view = json(a.body());
        return new Uploaded(view.getJsonNumber("id").longValue(), view.getString("sha256"), a.status() == 200);
    }

    @Override
    public void fail(long documentId, String worker, String code, String message) throws IOException {
        JsonObject body = Json.createObjectBuilder()
                .add("code", code)
                .add("message", message == null ? "" : message)
                .build();
        checked(send(
                request("api/capture/jobs/" + documentId + "/failure?worker=" + enc(worker))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                BodyHandlers.ofString()));
    }

    /** The answer if it is a success; otherwise {@link Unavailable} (try later) or {@link Rejected} with its code. */
    private static Answer checked(Answer a) throws IOException {
        if (a.ok()) {
            return a;
        }
        if (a.status() >= 500 || a.status() == 429 || a.status() == 408) {
            throw new Unavailable("server answered " + a.status() + ": " + a.body(), null);
        }
        throw new Rejected(a.code(), safeJson(a.body()).getString("message", a.body()));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An answer of the server: its status, its body (JSON) and its headers. */
    public record Answer(int status, String body, HttpHeaders headers) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The stable error code of a refusal, or {@code HTTP_<status>}. */
        public String code() {
            return safeJson(body).getString("code", "HTTP_" + status);
        }
    }

    /** Rebuilds the search index from the database (an administrator's account). */
    public Answer reindex() throws IOException {
        return admin("reindex");
    }

    /** Compares the search index with the database and indexes what it lacks (an administrator's account). */
    public Answer reconcile() throws IOException {
        return admin("reconcile");
    }

    private Answer admin(String action) throws IOException {
        return send(request("api/admin/" + action).POST(HttpRequest.BodyPublishers.noBody()), BodyHandlers.ofString());
    }

    /**
     * Exports a transfer package of {@code scope} ({@code {"scope":"DOSSIER","caseNumber":…}}, {@code PERSON} with
     * {@code citizenId}, {@code PERIOD} with {@code from} and {@code to}) into {@code target}. The package appears
     * there only when complete; on a refusal nothing is left behind and the answer carries the server's reason.
     */
    public Answer export(JsonObject scope, Path target) throws IOException {
        Path part = Files.createTempFile(
                target.toAbsolutePath().getParent(), target.getFileName().toString(), ".part");
        try {
            HttpResponse<Path> response = sendFor(
                    request("api/transfers/exports")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(scope.toString(), StandardCharsets.UTF_8)),
                    BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                return new Answer(response.statusCode(), Files.readString(part), response.headers());
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Answer(200, "", response.headers());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Checks a package as the import would; nothing changes on the server. */
    public Answer verify(Path packageFile) throws IOException {
        return send(
                request("api/transfers/verify")
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofFile(packageFile)),
                BodyHandlers.ofString());
    }

    /** Verifies and imports a package from another office, into {@code fonds} (null: this office's). */
    public Answer importPackage(Path packageFile, String fonds) throws IOException {
        String path = "api/transfers/imports"
                + (fonds == null || fonds.isBlank()
                        ? ""
                        : "?fonds=" + URLEncoder.encode(fonds, StandardCharsets.UTF_8));
        return send(
                request(path)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofFile(packageFile)),
                BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", authorization);
    }

    private Answer send(HttpRequest.Builder request, HttpResponse.BodyHandler<String> handler) throws IOException {
        HttpResponse<String> response = sendFor(request, handler);
        return new Answer(response.statusCode(), response.body(), response.headers());
    }

    private <T> HttpResponse<T> sendFor(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new Unavailable("server not reachable at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static JsonObject safeJson(String body) {
        try {
            return json(body);
        } catch (RuntimeException e) {
            return Json.createObjectBuilder().build();
        }
    }

    /** A fault trial's body: the first half of the file goes out, then the process stops mid-request. */
    private static HttpRequest.BodyPublisher halfThenHalt(Path file) throws IOException {
        long half = Files.size(file) / 2;
        return HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return new FilterInputStream(Files.newInputStream(file)) {
                    private long sent;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (sent >= half) {
                            FaultPoint.reach(FaultPoint.UPLOAD_BODY); // stops here, unless armed for a later upload
                        }
                        int n = super.read(b, off, sent < half ? (int) Math.min(len, half - sent) : len);
                        sent += Math.max(0, n);
                        return n;
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
