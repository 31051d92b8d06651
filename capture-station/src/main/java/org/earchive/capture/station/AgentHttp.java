package org.earchive.capture.station;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** The station agent's few HTTP chores: JSON in and out, coded errors, server-sent events. */
final class AgentHttp {
    private AgentHttp() {}

    static JsonObject body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return Json.createReader(new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("send a JSON body");
        }
    }

    static JsonObject error(String code, String message) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("message", message)
                .build();
    }

    static void send(HttpExchange x, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String event(String name, JsonObject data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }
}
