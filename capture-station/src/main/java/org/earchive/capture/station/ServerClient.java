package org.earchive.capture.station;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The server's REST API as the station uses it: a multipart upload with an {@code Idempotency-Key}, answered with the
 * document the server recorded (its SHA-256 included, for the station to compare with its own).
 */
public final class ServerClient {
    private final URI base;
    private final String authorization;
    private final HttpClient http;

    public ServerClient(URI base, String user, String password) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** What the server recorded. @param replayed the server had this key already (a retry after a lost answer) */
    public record Uploaded(long id, String sha256, boolean replayed) {}

    /** The server could not be reached or was unavailable: try again later. */
    public static final class Unavailable extends IOException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server refused the file for a reason a retry will not change: the clerk must act. */
    public static final class Rejected extends IOException {
        private final String code;

        public Rejected(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

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
                HttpRequest.BodyPublishers.ofFile(file),
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
}
