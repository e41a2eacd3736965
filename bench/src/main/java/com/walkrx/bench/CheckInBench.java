package com.walkrx.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Check-ins per second and latency through the JSON API at several concurrencies, next to a raw JDBC
 * single-row INSERT + COMMIT of an equivalent check_in row at the same concurrency.
 */
final class CheckInBench {

    static final String PATH = "/api/v1/check-ins";
    /** The raw baseline's single-row INSERT of an equivalent check_in row (clinic, patient, date, pain, steps). */
    static final String RAW_INSERT = """
            insert into check_in (id, clinic_id, patient_id, date, recorded_at, overall_pain, steps, notes,
                numbness_tingling, leg_weakness, both_legs, saddle_numbness, bladder_bowel_problems, fever,
                unexplained_weight_loss, new_injury_or_fall)
            values (nextval('check_in_seq'), ?, ?, ?, now(), ?, ?, 'benchmark raw insert',
                    'NONE', 'NONE', false, false, false, false, false, false)
            """;
    /** The level the floor, the counters and the targets are taken at. */
    static final int FLOOR_CONCURRENCY = 16;

    private final Db db;
    private final Generator.World world;
    private final String base;
    private final Scale scale;

    private final CheckInFloor.Processes processes;
    private final int bcryptCost;

    CheckInBench(Db db, Generator.World world, String base, Scale scale, CheckInFloor.Processes processes,
                 int bcryptCost) {
        this.bcryptCost = bcryptCost;
        this.db = db;
        this.world = world;
        this.base = base;
        this.scale = scale;
        this.processes = processes;
    }

    /**
     * A check-in with one walk of one minute: the product refuses more than 600 walked minutes per patient and
     * date (walking-plans.md), and every check-in of a run falls on the same date for the same 64 patients.
     */
    static String body(LocalDate date, boolean urgent, int n) {
        return """
                {"date":"%s","overallPain":%d,"steps":%d,
                 "walks":[{"minutes":1,"surface":"FLAT","painBefore":4,"painAfter":3,"sharpPain":false,"steps":1100}],
                 "symptoms":{"numbnessTingling":"NONE","legWeakness":"NONE","bothLegs":false,"saddleNumbness":false,
                             "bladderBowelProblems":%s,"fever":false,"unexplainedWeightLoss":false,"newInjuryOrFall":false},
                 "notes":"benchmark check-in"}
                """.formatted(date, 2 + n % 3, 4000 + n % 2000, urgent);
    }

    /** Each pool patient's {@code Authorization: Bearer}, from one login each (at the product's bcrypt cost). */
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private String auth(Generator.PatientRef p) {
        return tokens.computeIfAbsent(p.username(), u -> new Api(base).login(u, world.password, "bench phone"));
    }

    /** Null when the endpoint answers 201, otherwise why the figure cannot be measured. */
    String probe() {
        Generator.PatientRef p = world.poolPatients.getFirst();
        Api.Reply r = new Api(base).post(PATH, auth(p), body(world.today, false, 0));
        if (r.status() == 201) {
            return null;
        }
        if (r.status() == 404 || r.status() == 405 || (r.status() == 200 && !r.isJson())) {
            return "POST " + PATH + " returned " + r.brief();
        }
        throw new IllegalStateException("POST " + PATH + " probe failed: " + r.brief());
    }

    Map<String, Object> run(String unavailable) throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", unavailable == null ? "measured" : "unavailable: " + unavailable);
        f.put("what", "POST " + PATH + " (validation, storage, flag evaluation, audit) by " + world.poolPatients.size()
                + " patients, each with an API token (Authorization: Bearer; one login per patient with "
                + "POST /api/v1/auth/tokens at bcrypt cost 10 beforehand, not timed), " + scale.checkInSeconds() + " s per level after "
                + scale.checkInWarmupSeconds() + " s warm-up");
        f.put("baseline", "raw JDBC: INSERT of one equivalent check_in row + COMMIT per operation, one connection per "
                + "worker, " + scale.rawSeconds() + " s per level");
        f.put("target", Map.of("ratio_min", 0.25, "p95_max_ms", 50.0));
        // The baseline runs on the app's own server, so both commit with the same durability settings (issue 12).
        f.put("server_durability", durability());
        List<Map<String, Object>> levels = new ArrayList<>();
        Map<String, Object> best = null;
        double bestRate = -1;
        for (int c : new int[] {1, 4, 16}) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("concurrency", c);
            Result raw = raw(c);
            level.put("raw", raw.toMap());
            if (unavailable == null) {
                api(c, scale.checkInWarmupSeconds(), true, new java.util.concurrent.ConcurrentLinkedQueue<>());
                java.util.Queue<Double> service = new java.util.concurrent.ConcurrentLinkedQueue<>();
                boolean counted = c == FLOOR_CONCURRENCY;
                boolean statements = counted && CheckInFloor.statementsAvailable(db);
                if (counted) {
                    flushStatistics(); // the warm-up's transactions are counted before, not in, the window
                }
                CheckInFloor.Counters before = counted ? CheckInFloor.read(db, processes, statements) : null;
                Result app = api(c, scale.checkInSeconds(), false, service);
                Map<String, Object> appMap = app.toMap();
                if (counted) {
                    long cpuApp = CheckInFloor.cpuTicks(processes.appPid(), false);
                    long cpuPg = CheckInFloor.cpuTicks(processes.pgPid(), true);
                    flushStatistics();
                    CheckInFloor.Counters after = CheckInFloor.read(db, processes, statements);
                    after = new CheckInFloor.Counters(after.commits(), after.rollbacks(), after.nextXid(),
                            after.statements(), after.txControl(), cpuApp, cpuPg);
                    level.put("per_check_in", CheckInFloor.perCheckIn(before, after, app.ok() + app.errors()));
                    Result floor = CheckInFloor.floor(db, world, base, scale, c, k -> auth(k));
                    level.put("floor", floor.toMap());
                    level.put("ratio_floor", Report.round(app.rate() / floor.rate()));
                }
                double[] serviceMs = service.stream().filter(d -> !d.isNaN()).mapToDouble(Double::doubleValue).toArray();
                if (serviceMs.length > 0) { // the Server-Timing handler time: the service without HTTP and auth
                    Stats st = Stats.ofMillis(serviceMs);
                    appMap.put("service_p50_ms", Report.round(st.p50()));
                    appMap.put("service_p95_ms", Report.round(st.p95()));
                }
                level.put("app", appMap);
                level.put("ratio", Report.round(app.rate() / raw.rate()));
                if (app.rate() > bestRate) {
                    bestRate = app.rate();
                    best = level;
                }
            }
            levels.add(level);
        }
        f.put("levels", levels);
        if (best != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> app = (Map<String, Object>) best.get("app");
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) best.get("raw");
            double ratio = (double) best.get("ratio");
            double p95 = (double) app.get("p95_ms");
            f.put("sustained_at_concurrency", best.get("concurrency"));
            f.put("value_per_s", app.get("per_s"));
            f.put("baseline_per_s", raw.get("per_s"));
            f.put("ratio", ratio);
            f.put("p95_ms", p95);
            f.put("pass", ratio >= 0.25 && p95 <= 50.0);
        }
        for (Map<String, Object> level : levels) {
            if (level.get("concurrency").equals(FLOOR_CONCURRENCY) && level.containsKey("floor")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> app = (Map<String, Object>) level.get("app");
                @SuppressWarnings("unchecked")
                Map<String, Object> floor = (Map<String, Object>) level.get("floor");
                double ratioFloor = (double) level.get("ratio_floor");
                double p95 = (double) app.get("p95_ms");
                double rate = (double) app.get("per_s");
                f.put("floor_what", "at concurrency " + FLOOR_CONCURRENCY + ", per operation one authenticated GET "
                        + CheckInFloor.NOOP_PATH + " (the same credentials as the check-ins) and one raw single-row "
                        + "INSERT + COMMIT on the worker's own connection: what HTTP, authentication and one commit "
                        + "cost on this machine");
                f.put("floor_per_s", floor.get("per_s"));
                f.put("ratio_floor", ratioFloor);
                f.put("at_floor_concurrency", Map.of("per_s", rate, "p95_ms", p95));
                f.put("per_check_in", level.get("per_check_in"));
                f.put("target_floor", Map.of("ratio_floor_min", 0.5, "p95_max_ms", 50.0, "per_s_min", 200,
                        "writing_transactions_per_check_in", 1));
                f.put("pass_floor", ratioFloor >= 0.5 && p95 <= 50.0 && rate >= 200);
            }
        }
        f.put("bench_accounts_bcrypt_cost", bcryptCost);
        return f;
    }

    /** The credentials of pool patient {@code k}. */
    private String auth(int k) {
        return Api.basic(world.poolPatients.get(k % world.poolPatients.size()).username(), world.password);
    }

    /** Waits until idle backends have flushed their statistics (PostgreSQL 15+: within 10 s of going idle). */
    private static void flushStatistics() throws InterruptedException {
        Thread.sleep(11_000);
    }

    /** Throughput and latency of one level. */
    record Result(long ok, long errors, double seconds, Stats latency, String firstError) {
        double rate() {
            return ok / seconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("per_s", Report.round(rate()));
            m.put("ok", ok);
            m.put("errors", errors);
            m.put("seconds", Report.round(seconds));
            m.putAll(latency.toMap());
            if (firstError != null) {
                m.put("first_error", firstError);
            }
            return m;
        }
    }

    interface Op {
        /** Performs one operation; returns null on success, else an error text. */
        String call(int n) throws Exception;
    }

    private Result api(int concurrency, int seconds, boolean warmup, java.util.Queue<Double> service)
            throws Exception {
        List<Op> ops = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Api api = new Api(base);
            List<String> auths = new ArrayList<>();
            for (int k = t; k < world.poolPatients.size(); k += concurrency) {
                auths.add(auth(world.poolPatients.get(k)));
            }
            ops.add(n -> {
                Api.Reply r = api.post(PATH, auths.get(n % auths.size()), body(world.today, false, n));
                if (r.status() != 201) {
                    return r.brief();
                }
                service.add(r.serverMillis());
                return null;
            });
        }
        return drive(ops, seconds, warmup ? Long.MAX_VALUE : scale.maxRequestsPerLevel());
    }

    /** fsync, synchronous_commit and full_page_writes as the server reports them to the baseline's connection. */
    private String durability() throws Exception {
        try (Connection c = db.open(); var st = c.createStatement(); var rs = st.executeQuery(
                "select string_agg(name || '=' || setting, ', ' order by name) from pg_settings "
                        + "where name in ('fsync', 'synchronous_commit', 'full_page_writes')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Result raw(int concurrency) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            List<Op> ops = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                Connection c = db.open();
                connections.add(c);
                c.setAutoCommit(false);
                PreparedStatement insert = c.prepareStatement(RAW_INSERT);
                int worker = t;
                ops.add(n -> {
                    // rows of other patients than the check-in pool's: the flag engine reads the pool's history
                    Generator.PatientRef p = world.rawPatients.get((worker + n * concurrency) % world.rawPatients.size());
                    insert.setLong(1, p.clinicId());
                    insert.setLong(2, p.id());
                    insert.setObject(3, world.today);
                    insert.setInt(4, 2 + n % 3);
                    insert.setInt(5, 4000 + n % 2000);
                    insert.executeUpdate();
                    c.commit();
                    return null;
                });
            }
            drive(ops, 1, Long.MAX_VALUE); // warm-up
            return drive(ops, scale.rawSeconds(), scale.maxRequestsPerLevel());
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing after the measurement
                }
            }
        }
    }

    /** Runs each op in its own thread for at most {@code seconds} and at most {@code maxOps} operations in all. */
    static Result drive(List<Op> ops, int seconds, long maxOps) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<LongList> latencies = new ArrayList<>();
        String[] firstError = {null};
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (Op op : ops) {
            LongList mine = new LongList();
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxOps) {
                    long s = System.nanoTime();
                    String error;
                    try {
                        error = op.call(n++);
                    } catch (Exception e) {
                        error = e.toString();
                    }
                    if (error == null) {
                        mine.add(System.nanoTime() - s);
                    } else {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = error;
                            }
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = LongList.concat(latencies);
        return new Result(all.length, errors.get(), elapsed, Stats.ofNanos(all), firstError[0]);
    }
}
