package com.walkrx.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark run against an app that bench/run.sh started: loads data at 500 then 5,000 patients,
 * measures every figure and writes bench/results/latest.json and latest.md.
 * Exit code: 0 when every figure was measured or is unavailable (endpoint missing), 1 when one failed,
 * 3 with --strict when one is unavailable.
 */
public final class BenchMain {

    private static final long START = System.nanoTime();

    private BenchMain() {
    }

    static void log(String message) {
        System.out.printf("[bench %6.1fs] %s%n", (System.nanoTime() - START) / 1e9, message);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        Scale scale = "full".equals(a.get("mode")) ? Scale.full() : Scale.quick();
        String base = a.getOrDefault("base-url", "http://127.0.0.1:8080");
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1).replaceAll("/.*", ""));
        Db db = new Db(a.get("jdbc-url"), a.getOrDefault("db-user", "postgres"), a.getOrDefault("db-password", "postgres"));
        ZoneId zone = ZoneId.of(a.getOrDefault("zone", "Europe/London"));
        int cost = Integer.parseInt(a.getOrDefault("bcrypt-cost", "4"));
        String prefix = "b" + Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);
        Generator.World world = new Generator.World(prefix, "bench-" + prefix + "-walks", LocalDate.now(zone), scale.days());

        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("mode", scale.name());
        meta.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("commit", a.getOrDefault("commit", "unknown"));
        meta.put("cpus", Runtime.getRuntime().availableProcessors());
        meta.put("jdk", a.getOrDefault("jdk", System.getProperty("java.vm.name") + " " + Runtime.version()));
        meta.put("scale", scale.smallPatients() + " then " + scale.largePatients() + " patients x " + scale.days() + " days");
        meta.put("database", a.getOrDefault("database", db.url()));
        meta.put("bcrypt_cost_of_bench_accounts", cost);
        result.put("meta", meta);
        boolean failed = false;
        // --only generator,checkin,... limits the run (for working on one figure); the default is all of them
        java.util.Set<String> only = a.containsKey("only") ? java.util.Set.of(a.get("only").split(",")) : null;
        java.util.function.Predicate<String> wanted = k -> only == null || only.contains(k);
        Map<String, Object> skipped = Map.of("status", "skipped (--only)");

        // 1. data at the small size, then the read figures there
        log("generating " + scale.smallPatients() + " patients x " + scale.days() + " days (prefix " + prefix + ")");
        Generator generator = new Generator(db, world, zone, 20261129L, cost);
        ReadBench reads = new ReadBench(db, world, base, scale.readReps(), zone.getId());
        Map<String, Object> gen = new LinkedHashMap<>();
        try {
            generator.load(0, scale.smallPatients());
            generator.analyze();
            log("loaded " + generator.load.rows + " rows; measuring reads at " + scale.smallPatients());
            if (wanted.test("caseload")) {
                reads.measure("at_" + scale.smallPatients());
            }
            log("generating up to " + scale.largePatients() + " patients");
            generator.load(scale.smallPatients(), scale.largePatients());
            log("loaded " + generator.load.rows + " rows in " + Report.round(generator.load.nanos / 1e9)
                    + " s; raw COPY baseline");
            long[] raw = generator.rawCopy();
            generator.analyze();
            Generator.Load load = generator.load;
            gen.put("status", "measured");
            gen.put("what", "generated rows (clinics, users, patients, care teams, plans, phases, check-ins, walks, "
                    + "flags, evidence) written with COPY into the real tables (indexes, constraints, WAL), "
                    + "end to end incl. generation");
            gen.put("baseline", "raw COPY of the very same bytes into unlogged copies of the tables without "
                    + "indexes or constraints (COPY and commit time only)");
            gen.put("patients", world.patients);
            gen.put("days", world.days);
            gen.put("rows", load.rows);
            gen.put("rows_by_table", load.rowsByTable);
            gen.put("seconds", Report.round(load.nanos / 1e9));
            gen.put("rows_per_s", Report.round(load.rows / (load.nanos / 1e9)));
            gen.put("loader_threads", 2);
            gen.put("foreign_key_checks", load.foreignKeyChecks);
            gen.put("copy_seconds_summed_over_threads", Report.round(load.copyNanos / 1e9));
            gen.put("raw_copy_rows", raw[0]);
            gen.put("raw_copy_seconds", Report.round(raw[1] / 1e9));
            gen.put("raw_copy_rows_per_s", Report.round(raw[0] / (raw[1] / 1e9)));
            gen.put("ratio", Report.round((load.rows / (load.nanos / 1e9)) / (raw[0] / (raw[1] / 1e9))));
            log("generator " + gen.get("rows_per_s") + " rows/s, raw COPY " + gen.get("raw_copy_rows_per_s") + " rows/s");
            if (wanted.test("caseload")) {
                log("measuring reads at " + scale.largePatients());
                reads.measure("at_" + scale.largePatients());
            }
        } catch (Exception e) {
            failed = true;
            gen.put("status", "error: " + e);
            e.printStackTrace();
        }
        result.put("generator", gen);
        result.put("caseload", wanted.test("caseload") ? guard(reads::caseloadFigure) : skipped);
        failed |= isError(result.get("caseload"));

        log("exports");
        result.put("export", wanted.test("export")
                ? guard(() -> new ExportBench(db, world, base, scale.readReps()).run()) : skipped);

        log("auth cost");
        result.put("auth_basic", wanted.test("auth_basic") ? guard(() -> AuthBench.run(world, base, cost)) : skipped);

        log("check-ins");
        CheckInFloor.Processes processes = CheckInFloor.Processes.of(
                a.containsKey("app-pid") ? Long.parseLong(a.get("app-pid")) : null,
                a.containsKey("pg-data-dir") ? Path.of(a.get("pg-data-dir")) : null);
        CheckInBench checkIns = new CheckInBench(db, world, base, scale, processes, cost);
        String[] checkInMissing = {null};
        result.put("checkin", !wanted.test("checkin") && !wanted.test("flag_push_ms") ? skipped : guard(() -> {
            checkInMissing[0] = checkIns.probe();
            return wanted.test("checkin") ? checkIns.run(checkInMissing[0]) : skipped;
        }));
        failed |= isError(result.get("checkin"));

        log("audit write");
        result.put("audit", wanted.test("audit") || wanted.test("checkin")
                ? guard(() -> AuditBench.run(db, world, scale.name().equals("full") ? 1_000 : 300, result)) : skipped);
        failed |= isError(result.get("audit"));

        log("sessions");
        if (!wanted.test("session_kb")) {
            result.put("session_kb", skipped);
        } else if (a.containsKey("app-pid")) {
            Jcmd jcmd = new Jcmd(a.getOrDefault("jcmd", "jcmd"), Long.parseLong(a.get("app-pid")));
            result.put("session_kb", guard(() -> new SessionBench(world, port, jcmd, scale.sessions()).run()));
        } else {
            result.put("session_kb", Map.of("status", "unavailable: no --app-pid to read the app's heap with jcmd"));
        }
        failed |= isError(result.get("session_kb"));

        log("flag push");
        result.put("flag_push_ms", !wanted.test("flag_push_ms") ? skipped : guard(() -> new FlagPushBench(world, base, port, scale.pushTrials(),
                a.get("flag-alert-selector")).run(checkInMissing[0])));
        failed |= isError(result.get("flag_push_ms"));
        if (wanted.test("flag_push_ms") && result.get("flag_push_ms") instanceof Map<?, ?> same) {
            // flag_push_ms.cross_instance: check-ins on a second instance (--second-base-url), browser on the first
            Map<String, Object> push = new LinkedHashMap<>();
            same.forEach((k, v) -> push.put(String.valueOf(k), v));
            String second = a.get("second-base-url");
            log("flag push across instances");
            push.put("cross_instance", second == null
                    ? Map.of("status", "unavailable: no second instance (--second-base-url)")
                    : guard(() -> {
                        awaitReady(second);
                        return new FlagPushBench(world, base, port, scale.pushTrials(), a.get("flag-alert-selector"),
                                second, Generator.PUSH_COUNT / 2).run(checkInMissing[0]);
                    }));
            result.put("flag_push_ms", push);
            failed |= isError(push.get("cross_instance"));
        }

        // last, as it adds a network of its own: many patients with a short history, for the caseload only
        if (wanted.test("caseload") && result.get("caseload") instanceof Map<?, ?> caseload) {
            log("generating " + scale.widePatients() + " patients x " + scale.wideDays() + " days (a second network)");
            @SuppressWarnings("unchecked")
            Map<String, Object> figure = (Map<String, Object>) caseload;
            figure.putAll(guard(() -> WideCaseload.measure(db, prefix, zone, scale, cost, base, reads)));
            failed |= String.valueOf(figure.get("wide_status")).startsWith("error");
        }

        meta.put("bench_seconds", Report.round((System.nanoTime() - START) / 1e9));
        Path out = Path.of(a.getOrDefault("out", "bench/results"));
        Report.write(result, out);
        log("wrote " + out.resolve("latest.json") + " and latest.md");
        boolean unavailable = result.values().stream().anyMatch(v -> v instanceof Map<?, ?> m
                && String.valueOf(m.get("status")).startsWith("unavailable"))
                || String.valueOf(((Map<?, ?>) result.get("caseload")).get("chart")).contains("unavailable");
        System.exit(failed ? 1 : unavailable && a.containsKey("strict") ? 3 : 0);
    }

    /** Waits (at most 5 minutes) until an app instance answers its readiness probe. */
    private static void awaitReady(String base) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base
                        + "/actuator/health/readiness")).timeout(java.time.Duration.ofSeconds(5)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the second instance at " + base + " is not ready after 5 minutes");
    }

    private interface Figure {
        Map<String, Object> measure() throws Exception;
    }

    private static Map<String, Object> guard(Figure figure) {
        try {
            return figure.measure();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "error: " + e);
            return m;
        }
    }

    private static boolean isError(Object figure) {
        return figure instanceof Map<?, ?> m && String.valueOf(m.get("status")).startsWith("error");
    }

    private static Map<String, String> args(String[] argv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + argv[i]);
            }
            String key = argv[i].substring(2);
            if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                m.put(key, argv[++i]);
            } else {
                m.put(key, "true");
            }
        }
        return m;
    }
}
