package org.earchive.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the server tests: Basic credentials, JSON, multipart uploads. */
final class Api {
    static final String PASSWORD = System.getProperty("earchive.demo.password", "It-demo-Passw0rd");
    static final String BASE = System.getProperty("earchive.url", "http://localhost:8080");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String authorization;
    private final String base;
    /** A signed-in page's session cookie, sent instead of credentials (see {@link #signedIn(String)}). */
    private String sessionCookie;

    Api(String user, String password) {
        this(user, password, BASE);
    }

    /** Signs in to another instance (the receiving office in TransferIT). */
    static Api at(String base, String user) {
        return new Api(user, PASSWORD, base);
    }

    Api(String user, String password, String base) {
        this.base = base;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Api as(String user) {
        return new Api(user, PASSWORD);
    }

    /**
     * Signs in through the sign-in form as the pages do ({@code POST /api/session}) and then sends the session cookie and
     * {@code X-Requested-With} like {@code app.js}, not credentials with every request.
     */
    static Api signedIn(String user) throws IOException, InterruptedException {
        return signedIn(user, PASSWORD);
    }

    static Api signedIn(String user, String password) throws IOException, InterruptedException {
        return signedIn(BASE, user, password);
    }

    /**
     * Signed in at {@code base} (a cluster's load balancer or one instance). Every cookie of the sign-in's answer is
     * sent back, as a browser would: behind HAProxy, its cookie naming the instance keeps the session where it lives.
     */
    static Api signedIn(String base, String user, String password) throws IOException, InterruptedException {
        Api api = new Api(null, null, base);
        Response r = send(api.request("/api/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        api.signInCookies = r.raw().headers().allValues("Set-Cookie");
        List<String> cookies = r.raw().headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .toList();
        if (cookies.stream().noneMatch(c -> c.startsWith("JSESSIONID="))) {
            throw new IOException("sign-in as " + user + " gave " + r.status() + " and no session");
        }
        api.sessionCookie = String.join("; ", cookies);
        return api;
    }

    static Api anonymous() {
        return new Api(null, null);
    }

    record Response(int status, byte[] bytes, HttpResponse<byte[]> raw) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body())).readObject();
        }

        JsonArray jsonArray() {
            return Json.createReader(new StringReader(body())).readArray();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }
    }

    /**
     * A search until its answer is {@code done}: the embedded index answers at once (asked once), SolrCloud within a
     * second of the change ({@code commitWithin}; asked again for at most 5 s).
     */
    jakarta.json.JsonObject search(String path, java.util.function.Predicate<jakarta.json.JsonObject> done)
            throws IOException, InterruptedException {
        String solrUrl = System.getenv("EARCHIVE_SOLR_URL");
        boolean solr = solrUrl != null && !solrUrl.isBlank();
        long deadline = System.nanoTime() + (solr ? 5_000_000_000L : 0);
        jakarta.json.JsonObject answer = get(path).json();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = get(path).json();
        }
        return answer;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A GET with one more header (an Accept, an Origin, …). */
    Response getWith(String path, String header, String value) throws IOException, InterruptedException {
        return send(request(path).header(header, value).GET());
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A POST that may take longer than a request normally may (a whole fixity audit). */
    Response post(String path, String json, Duration timeout) throws IOException, InterruptedException {
        return send(request(path)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Response put(String path, String json) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Response postBytes(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    /**
     * A multipart upload as a browser sends it (raw UTF-8 file name). With {@code declareLength} false the body is
     * streamed without a Content-Length, as a scanner agent does.
     */
    Response upload(
            String caseNumber,
            String material,
            String fileName,
            String contentType,
            byte[] content,
            boolean declareLength)
            throws IOException, InterruptedException {
        return multipart(
                "/api/cases/" + caseNumber + "/documents",
                material,
                fileName,
                contentType,
                content,
                declareLength,
                null,
                null);
    }

    /** An upload as the ORIGINAL beside the material's archival PDF/A (a scanner's own file, a photo). */
    Response uploadOriginal(String caseNumber, String material, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        return multipart(
                "/api/cases/" + caseNumber + "/documents",
                material,
                fileName,
                contentType,
                content,
                true,
                null,
                "ORIGINAL");
    }

    /**
     * An upload declared ARCHIVAL, as a capture station declares its PDF/A: taken as it is, without server-side
     * capture (the four-property check judges it at archiving).
     */
    Response uploadArchival(String caseNumber, String material, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        return multipart(
                "/api/cases/" + caseNumber + "/documents",
                material,
                fileName,
                contentType,
                content,
                true,
                null,
                "ARCHIVAL");
    }

    /** A multipart upload (material and file) to any path. */
    Response uploadTo(String path, String material, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        return multipart(path, material, fileName, contentType, content, true, null, null);
    }

    /** An upload that may be sent again with the same {@code Idempotency-Key} (as the station does after a failure). */
    Response uploadOnce(String caseNumber, String material, String fileName, byte[] pdf, String key)
            throws IOException, InterruptedException {
        return multipart(
                "/api/cases/" + caseNumber + "/documents", material, fileName, "application/pdf", pdf, true, key, null);
    }

    private Response multipart(
            String path,
            String material,
            String fileName,
            String contentType,
            byte[] content,
            boolean declareLength,
            String idempotencyKey,
            String role)
            throws IOException, InterruptedException {
        String boundary = "----earchive" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"material\"\r\n\r\n" + material + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        if (role != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\n" + role + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        HttpRequest.BodyPublisher publisher = declareLength
                ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        // Expect: 100-continue, as curl sends for large bodies: a server that refuses the upload from its headers
        // answers before the body is sent.
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .expectContinue(declareLength);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.POST(publisher));
    }

    /**
     * A request exactly as given: this client's session cookie (if signed in) but none of the headers the pages add,
     * so a test can send what another site's page would.
     */
    Response raw(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (sessionCookie != null) {
            b.header("Cookie", sessionCookie);
        } else if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b);
    }

    /** The Set-Cookie lines a sign-in answered with. */
    List<String> signInCookies = List.of();

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (sessionCookie != null) {
            b.header("Cookie", sessionCookie).header("X-Requested-With", "fetch");
        }
        return b;
    }

    private static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.body(), r);
    }
}
