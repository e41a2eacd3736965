package com.walkrx.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A raw HTTP client with a cookie jar, for what only raw requests show: the login form's CSRF
 * protection, session ids, logout. Redirects are not followed, so tests see them. With
 * {@link #from(String)} every request carries X-Forwarded-For, which the app trusts from 127.0.0.1:
 * that lets a test act as a client at another address.
 */
public final class WebClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String forwardedFor;

    /** A reply: status, Location header (if any) and body. */
    public record Reply(int status, String location, String body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public WebClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client address no other test uses (from the IPv6 documentation range). */
    public static String newTestAddress() {
        return "2001:db8::" + Integer.toHexString(ADDRESSES.incrementAndGet() + (int) (System.nanoTime() % 4096) * 4096);
    }

    /** Every request from now on claims to come from this client address (X-Forwarded-For). */
    public WebClient from(String clientAddress) {
        this.forwardedFor = clientAddress;
        return this;
    }

    public Reply get(String path) {
        return send(builder(path).GET());
    }

    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** A GET with HTTP Basic credentials (the API's door), from this client's address. */
    public Reply getAs(String path, String username, String password) {
        return get(path, Map.of("Authorization", Http.basic(username, password)));
    }

    public Reply postJson(String path, String json, String contentType) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token a page of the app carries for its forms (loads the login page for it). */
    public String csrfToken() {
        return csrfTokenOf(get("/login").body());
    }

    public static String csrfTokenOf(String html) {
        Matcher m = CSRF_META.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** Logs in through the login form, with its CSRF token, as a browser does. */
    public Reply login(String username, String password) {
        return login(username, password, csrfToken());
    }

    /** Posts the login form with the CSRF token of a page loaded earlier. */
    public Reply login(String username, String password, String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", token);
        return postForm("/login", form);
    }

    /** Logs out as the logout form would (POST /logout with the CSRF token of a page). */
    public Reply logout() {
        String token = csrfToken();
        return postForm("/logout", Map.of("_csrf", token));
    }

    /** Opens a Vaadin page as a browser does (the page, then its UI) and returns the UI's id. */
    public int openUi(String route) {
        get("/" + route);
        Reply init = get("/?v-r=init&location=" + enc(route) + "&query=");
        Matcher m = UI_ID.matcher(init.body());
        if (!m.find()) {
            throw new AssertionError("no Vaadin UI in reply " + init.status() + ": " + init.body());
        }
        return Integer.parseInt(m.group(1));
    }

    /** A Vaadin heartbeat, as an open tab sends one every minute on its own. */
    public Reply heartbeat(int uiId) {
        return send(builder("/?v-r=heartbeat&v-uiId=" + uiId).header("Content-Type", "text/plain;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The session cookie's value, or null. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Sends the given session id from now on (an old cookie a browser still holds). */
    public void useSessionId(String sessionId) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create("http://127.0.0.1:" + port + "/"), cookie);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpResponse<String> r = Http.send(http, builder);
        return new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), r);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
