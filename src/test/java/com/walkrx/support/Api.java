package com.walkrx.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the JSON API on the test server's port. */
public final class Api {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String authorization;
    /** Each client claims its own address, so failed logins of one test never throttle another's. */
    private final String clientAddress = WebClient.newTestAddress();

    private Api(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    public static Api as(int port, String username, String password) {
        return new Api(port, Http.basic(username, password));
    }

    /** A client that sends {@code Authorization: Bearer <token>}. */
    public static Api bearer(int port, String token) {
        return new Api(port, "Bearer " + token);
    }

    public static Api as(int port, TestData.User user) {
        return as(port, user.username(), TestData.PASSWORD);
    }

    /** A reply: status, headers and the body parsed as JSON (or null). */
    public record Reply(int status, JsonNode json, String body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The fields named in a problem's errors array. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (json != null && json.has("errors")) {
                json.get("errors").forEach(e -> fields.add(e.get("field").asString()));
            }
            return fields;
        }
    }

    public Reply get(String path) {
        return send(builder(path).GET());
    }

    public Reply post(String path, String jsonBody) {
        return post(path, jsonBody, null);
    }

    public Reply post(String path, String jsonBody, String idempotencyKey) {
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        b.POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(b);
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    /** A POST with any body publisher (e.g. one without a Content-Length) and content type. */
    public Reply post(String path, HttpRequest.BodyPublisher body, String contentType) {
        return send(builder(path).header("Content-Type", contentType).POST(body));
    }

    public Reply put(String path, String jsonBody) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Reply patch(String path, String jsonBody) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json, application/problem+json")
                .header("X-Forwarded-For", clientAddress);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpResponse<String> r = Http.send(HTTP, builder);
        JsonNode node = null;
        String ct = r.headers().firstValue("Content-Type").orElse("");
        if (ct.contains("json") && !r.body().isBlank()) {
            node = JSON.readTree(r.body());
        }
        return new Reply(r.statusCode(), node, r.body(), r);
    }
}
