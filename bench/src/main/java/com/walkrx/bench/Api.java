package com.walkrx.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The app's JSON API over java.net.http, as one user with HTTP Basic; one instance per thread. */
final class Api {

    /** A reply with how long the round trip took. */
    record Reply(int status, String contentType, String body, long nanos, double serverMillis) {

        Reply(int status, String contentType, String body, long nanos) {
            this(status, contentType, body, nanos, Double.NaN);
        }
        boolean isJson() {
            return contentType != null && contentType.contains("json");
        }

        String brief() {
            if (status == 200 && !isJson() && body != null && body.contains("Vaadin")) {
                return "200 text/html (Vaadin's page: no controller answers this path)";
            }
            String b = body == null ? "" : body.replaceAll("\\s+", " ");
            return status + " " + (b.length() > 160 ? b.substring(0, 160) + "..." : b);
        }
    }

    private final HttpClient http;
    private final String base;

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Logs in once for an API token (POST /api/v1/auth/tokens); the Authorization value for later requests. */
    String login(String user, String password, String device) {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"deviceName\":\""
                + device + "\"}";
        Reply r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json"));
        if (r.status() != 201) {
            throw new IllegalStateException("POST /api/v1/auth/tokens for " + user + ": " + r.brief());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token in " + r.brief());
        }
        return bearer(m.group(1));
    }

    Reply get(String path, String auth) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", auth)
                .header("Accept", "application/json"));
    }

    Reply post(String path, String auth, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json"));
    }

    /** The {@code handler} metric of a W3C Server-Timing header ({@code handler;dur=1.234}), NaN if absent. */
    static double serverMillis(String header) {
        if (header == null) {
            return Double.NaN;
        }
        for (String metric : header.split(",")) {
            String[] parts = metric.trim().split(";");
            if (parts[0].trim().equals("handler")) {
                for (String p : parts) {
                    if (p.trim().startsWith("dur=")) {
                        return Double.parseDouble(p.trim().substring(4));
                    }
                }
            }
        }
        return Double.NaN;
    }

    private Reply send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), nanos,
                    serverMillis(r.headers().firstValue("Server-Timing").orElse(null)));
        } catch (IOException e) {
            return new Reply(-1, null, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, null, "interrupted", System.nanoTime() - start);
        }
    }
}
