package com.walkrx.fault;

import com.walkrx.support.SharedTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real processes for the fault suite, all on 127.0.0.1: a durable PostgreSQL server (zonky's binaries) that can be
 * stopped and started with {@code pg_ctl}, and the app as its own JVM on that server (DB_URL), demo clinic on.
 */
final class FaultRig implements AutoCloseable {

    static final String DEMO_PASSWORD = "walkrx-demo-2026";
    /** The bound: while the database is down, an API call answers (503) within this. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    /**
     * Writers' requests: this machine may be shared and saturated (20 requests at once each pay a bcrypt), so
     * their bound only tells a hang from a slow answer; the 5 s is checked on requests sent while the
     * database is down ({@link #get}).
     */
    static final Duration WRITER_BOUND = Duration.ofSeconds(60);

    final Path dir;
    final int dbPort = SharedTestDatabase.freePort();
    final int appPort = SharedTestDatabase.freePort();
    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path binDir;
    private Process app;
    private int appStarts;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static FaultRig shared;

    /**
     * One server and app for the whole run (the fault suite and the fuzz, whichever engine runs first), started
     * once: starting them is the heavy part. Stopped when the test JVM exits.
     */
    static synchronized FaultRig shared() throws Exception {
        if (shared == null) {
            FaultRig rig = new FaultRig();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    rig.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
            rig.startApp();
            shared = rig;
        }
        return shared;
    }

    FaultRig() throws IOException {
        dir = Files.createTempDirectory("walkrx-fault");
        dataDir = dir.resolve("pg");
        Path sockets = dir.resolve("pg-run");
        Files.createDirectories(sockets);
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).setPort(dbPort)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", sockets.toString())
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        binDir = pgDir(postgres).resolve("bin");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    String base() {
        return "http://127.0.0.1:" + appPort;
    }

    /** Starts the app JVM on DB_URL and waits until its readiness probe says UP. */
    void startApp() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "com.walkrx.WalkRxApplication");
        pb.environment().put("PORT", Integer.toString(appPort));
        pb.environment().put("SERVER_ADDRESS", "127.0.0.1");
        pb.environment().put("DB_URL", jdbcUrl());
        pb.environment().put("DB_USERNAME", "postgres");
        pb.environment().put("DB_PASSWORD", "postgres");
        pb.environment().put("WALKRX_DEMO", "true");
        pb.environment().put("WALKRX_MFA_KEY", com.walkrx.support.SharedTestDatabase.TEST_MFA_KEY);
        pb.redirectErrorStream(true);
        File log = dir.resolve("app-" + ++appStarts + ".log").toFile();
        pb.redirectOutput(log);
        app = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited during start-up; see " + log);
            }
            Reply r = get("/actuator/health/readiness", null);
            if (r.status() == 200 && r.body().contains("UP")) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the app was not ready within 5 minutes; see " + log);
            }
            app.onExit().completeOnTimeout(app, 250, TimeUnit.MILLISECONDS).join();
        }
    }

    /** kill -9 of the app JVM. */
    void killApp() {
        app.destroyForcibly(); // SIGKILL
        app.onExit().join();
    }

    void stopApp() {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join().equals(app)) {
                app.destroyForcibly();
            }
        }
    }

    /** {@code pg_ctl stop -m fast|immediate}. */
    void stopPostgres(String mode) throws Exception {
        pgCtl(List.of("-D", dataDir.toString(), "-m", mode, "-w", "stop"));
    }

    /** {@code pg_ctl start} with the options the server ran with before (its postmaster.opts). */
    void startPostgres(List<String> opts) throws Exception {
        StringBuilder o = new StringBuilder();
        for (String opt : opts) {
            o.append(" \"").append(opt).append('"');
        }
        pgCtl(List.of("-D", dataDir.toString(), "-l", dir.resolve("pg-restart.log").toString(), "-o", o.toString().trim(),
                "-w", "-t", "120", "start"));
    }

    /** The running server's command-line options without its binary and data directory. */
    List<String> serverOptions() throws IOException {
        String line = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(line);
        List<String> opts = new ArrayList<>();
        while (m.find()) {
            opts.add(m.group(1));
        }
        int d = opts.indexOf("-D");
        if (d >= 0) {
            opts.remove(d + 1);
            opts.remove(d);
        }
        return opts;
    }

    private void pgCtl(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("unshare", "-U")); // as zonky runs its binaries as root: pg_ctl refuses root
        }
        cmd.add(binDir.resolve("pg_ctl").toString());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("pg_ctl.log").toFile())).start();
        if (!p.waitFor(150, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pg_ctl " + args + " failed; see " + dir.resolve("pg_ctl.log"));
        }
    }

    record Reply(int status, String body) {
    }

    Reply get(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), user, ANSWER_WITHIN);
    }

    Reply post(String path, String user, String json, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return send(b, user, WRITER_BOUND);
    }

    /** Status -1: no answer within {@code bound}; 0: the connection failed (the app is down). */
    Reply send(HttpRequest.Builder b, String user, Duration bound) {
        b.timeout(bound).header("Accept", "application/json, application/problem+json");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Reply(-1, e.toString());
        } catch (IOException e) {
            return new Reply(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, e.toString());
        }
    }

    private static Path pgDir(EmbeddedPostgres pg) {
        try {
            Field f = EmbeddedPostgres.class.getDeclaredField("pgDir");
            f.setAccessible(true);
            return ((File) f.get(pg)).toPath();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot find the PostgreSQL binaries", e);
        }
    }

    @Override
    public void close() throws IOException {
        stopApp();
        postgres.close();
    }
}
