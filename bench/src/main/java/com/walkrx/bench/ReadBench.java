package com.walkrx.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read figures: a clinician's first caseload page and a patient's chart data, through the API and
 * as the best hand-written SQL for the same numbers (timed with EXPLAIN ANALYZE), at two data sizes.
 */
final class ReadBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Db db;
    private final Generator.World world;
    private final String base;
    private final int reps;
    private final String zone;
    private final Map<String, Object> caseloadSizes = new LinkedHashMap<>();
    private final Map<String, Object> chartSizes = new LinkedHashMap<>();
    private String caseloadUnavailable;
    private String chartUnavailable;
    private String chartEndpoint;

    ReadBench(Db db, Generator.World world, String base, int reps, String zone) {
        this.db = db;
        this.world = world;
        this.base = base;
        this.reps = reps;
        this.zone = zone;
    }

    /** Measures both figures at the current data size. */
    void measure(String label) throws SQLException {
        Api api = new Api(base);
        String auth = Api.basic(world.benchClinician(), world.password);
        long clinicianId = world.clinicianIds.get(world.benchClinician());
        long clinicId = world.clinicianClinic.get(world.benchClinician());
        LocalDate today = world.today;

        Map<String, Object> caseload = new LinkedHashMap<>();
        caseload.put("patients", world.patients);
        caseload.put("days", world.days);
        Api.Reply probe = api.get("/api/v1/patients?size=50", auth);
        if (probe.status() != 200 || !probe.isJson()) {
            caseloadUnavailable = "GET /api/v1/patients?size=50 returned " + probe.brief();
        } else {
            JsonNode page = JSON.readTree(probe.body());
            caseload.put("api_total", page.path("total").asLong(-1));
            caseload.put("api_items", page.path("items").size());
            caseload.put("app", timeApi(api, List.of("/api/v1/patients?size=50"), auth));
        }
        String caseloadSql = caseloadSql(clinicianId, clinicId, today);
        Map<String, Object> sql = explain(caseloadSql);
        caseload.put("sql", sql);
        caseload.put("sql_rows", countRows(caseloadSql));
        if (caseload.containsKey("app")) {
            caseload.put("ratio", ratio(caseload));
        }
        caseloadSizes.put(label, caseload);

        Map<String, Object> chart = new LinkedHashMap<>();
        long patientId = world.chartPatient.id();
        LocalDate from = today.minusDays(365);
        chart.put("patient_id", patientId);
        chart.put("days", world.days);
        String chartPath = "/api/v1/patients/" + patientId + "/chart?from=" + from + "&to=" + today;
        String listPath = "/api/v1/patients/" + patientId + "/check-ins?from=" + from + "&to=" + today + "&size=200";
        String chartSql;
        List<String> paths;
        Api.Reply chartProbe = api.get(chartPath, auth);
        if (chartProbe.status() == 200 && chartProbe.isJson()) {
            chartEndpoint = "GET /api/v1/patients/{id}/chart?from=&to=";
            paths = List.of(chartPath);
            chartSql = chartSeriesSql(patientId, from, today);
        } else {
            chartEndpoint = "GET /api/v1/patients/{id}/check-ins?from=&to=&size=200 (all pages)";
            chartSql = checkInListSql(patientId, from, today);
            Api.Reply first = api.get(listPath + "&page=0", auth);
            if (first.status() != 200 || !first.isJson()) {
                chartUnavailable = "GET /api/v1/patients/{id}/check-ins returned " + first.brief()
                        + " and GET /api/v1/patients/{id}/chart returned " + chartProbe.brief() + " (endpoints missing?)";
                paths = List.of();
            } else {
                long total = JSON.readTree(first.body()).path("total").asLong(0);
                int pages = (int) Math.max(1, (total + 199) / 200);
                paths = new ArrayList<>();
                for (int p = 0; p < pages; p++) {
                    paths.add(listPath + "&page=" + p);
                }
                chart.put("api_total", total);
                chart.put("api_pages", pages);
            }
        }
        chart.put("endpoint", chartEndpoint);
        if (!paths.isEmpty()) {
            chart.put("app", timeApi(api, paths, auth));
        }
        chart.put("sql", explain(chartSql));
        chart.put("sql_rows", countRows(chartSql));
        if (chart.containsKey("app")) {
            chart.put("ratio", ratio(chart));
        }
        chartSizes.put(label, chart);
    }

    /**
     * Times the paths as one read, repeated: the service time (the sum of the replies' Server-Timing handler
     * durations: controller, access check, audit, queries, mapping) and the HTTP round trip (adding Basic
     * authentication, the network and JSON writing).
     */
    private Map<String, Object> timeApi(Api api, List<String> paths, String auth) {
        // warm-up to a steady state (the JIT compiles the path, caches fill): at least 30 reads and 5 seconds
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; i < Math.max(30, reps) || (System.nanoTime() < warmUntil && i < 2_000); i++) {
            for (String p : paths) {
                api.get(p, auth);
            }
        }
        long[] nanos = new long[reps];
        double[] service = new double[reps];
        boolean timed = true;
        for (int i = 0; i < reps; i++) {
            long total = 0;
            double serviceTotal = 0;
            for (String p : paths) {
                Api.Reply r = api.get(p, auth);
                if (r.status() != 200) {
                    throw new IllegalStateException("GET " + p + " failed: " + r.brief());
                }
                total += r.nanos();
                serviceTotal += r.serverMillis();
            }
            nanos[i] = total;
            service[i] = serviceTotal;
            timed &= !Double.isNaN(serviceTotal);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Stats roundTrip = Stats.ofNanos(nanos);
        if (timed) {
            m.putAll(Stats.ofMillis(service).toMap());
            m.put("measure", "service time (Server-Timing: handler)");
        } else {
            m.putAll(roundTrip.toMap());
            m.put("measure", "HTTP round trip (the app sends no Server-Timing header)");
        }
        m.put("round_trip_p50_ms", Report.round(roundTrip.p50()));
        m.put("round_trip_p95_ms", Report.round(roundTrip.p95()));
        return m;
    }

    /** EXPLAIN ANALYZE: execution and planning time, median over the repetitions after a warm-up. */
    private Map<String, Object> explain(String sql) throws SQLException {
        double[] exec = new double[reps];
        double[] plan = new double[reps];
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (int i = 0; i < 3 + reps; i++) {
                try (ResultSet rs = s.executeQuery("explain (analyze, format json) " + sql)) {
                    rs.next();
                    JsonNode root = JSON.readTree(rs.getString(1)).get(0);
                    if (i >= 3) {
                        exec[i - 3] = root.path("Execution Time").asDouble();
                        plan[i - 3] = root.path("Planning Time").asDouble();
                    }
                }
            }
        }
        Stats e = Stats.ofMillis(exec);
        Stats p = Stats.ofMillis(plan);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execution_p50_ms", Report.round(e.p50()));
        m.put("execution_p95_ms", Report.round(e.p95()));
        m.put("planning_p50_ms", Report.round(p.p50()));
        m.put("n", reps);
        return m;
    }

    private long countRows(String sql) throws SQLException {
        try (Connection c = db.open()) {
            return Db.queryLong(c, "select count(*) from (" + sql + ") q");
        }
    }

    @SuppressWarnings("unchecked")
    private static double ratio(Map<String, Object> size) {
        double app = (double) ((Map<String, Object>) size.get("app")).get("p50_ms");
        double sql = (double) ((Map<String, Object>) size.get("sql")).get("execution_p50_ms");
        return Report.round(app / Math.max(sql, 0.001));
    }

    /** What {@link #measure} found for the caseload at {@code label} (null when not measured). */
    @SuppressWarnings("unchecked")
    Map<String, Object> caseloadAt(String label) {
        return (Map<String, Object>) caseloadSizes.get(label);
    }

    /** Why the caseload could not be measured, or null. */
    String caseloadUnavailable() {
        return caseloadUnavailable;
    }

    /** The figure with both sizes, its ratio (the worse size), growth and targets. */
    Map<String, Object> caseloadFigure() {
        Map<String, Object> figure = figure(caseloadSizes, caseloadUnavailable,
                "GET /api/v1/patients?size=50 as a clinician with 200 patients on their care teams, p50 of "
                        + reps + " sequential calls after warm-up: the service time from the reply's Server-Timing "
                        + "header (controller, access check, audit, SQL, mapping); round_trip_p50_ms adds HTTP, "
                        + "Basic auth and JSON",
                "hand-written SQL for the same numbers (API.md fields plus latest pain, baseline pain, 28-day pain "
                        + "series) for the first 50 rows in triage order, with the total: EXPLAIN ANALYZE execution time, p50");
        figure.put("chart", figure(chartSizes, chartUnavailable,
                "chart data of a patient with " + world.days + " days of check-ins: " + chartEndpoint,
                "hand-written SQL returning the same rows (one statement), EXPLAIN ANALYZE execution time, p50"));
        return figure;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figure(Map<String, Object> sizes, String unavailable, String what,
                                              String baseline) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", unavailable == null ? "measured" : "unavailable: " + unavailable);
        f.put("what", what);
        f.put("baseline", baseline);
        f.put("target", Map.of("ratio_max", 1.5, "growth_10x_max", 2.0));
        f.putAll(sizes);
        List<String> labels = new ArrayList<>(sizes.keySet());
        if (unavailable == null && labels.size() == 2) {
            Map<String, Object> small = (Map<String, Object>) sizes.get(labels.get(0));
            Map<String, Object> large = (Map<String, Object>) sizes.get(labels.get(1));
            double ratio = Math.max((double) small.get("ratio"), (double) large.get("ratio"));
            double appSmall = (double) ((Map<String, Object>) small.get("app")).get("p50_ms");
            double appLarge = (double) ((Map<String, Object>) large.get("app")).get("p50_ms");
            double sqlSmall = (double) ((Map<String, Object>) small.get("sql")).get("execution_p50_ms");
            double sqlLarge = (double) ((Map<String, Object>) large.get("sql")).get("execution_p50_ms");
            double growth = Report.round(appLarge / appSmall);
            f.put("value_ms", appLarge);
            f.put("baseline_ms", sqlLarge);
            f.put("ratio", ratio);
            f.put("growth_10x", growth);
            f.put("sql_growth_10x", Report.round(sqlLarge / Math.max(sqlSmall, 0.001)));
            f.put("pass", ratio <= 1.5 && growth <= 2.0);
        }
        return f;
    }

    /** The first caseload page: API.md's fields plus the dashboard's pain numbers, triage order. */
    String caseloadSql(long clinicianId, long clinicId, LocalDate today) {
        String t = "date '" + today + "'";
        return """
                with team as (
                    select p.id, p.given_name, p.family_name, p.condition, p.acuity
                    from care_team_member m join patient p on p.id = m.patient_id
                    where m.clinician_id = %1$d and p.clinic_id = %2$d
                ),
                ranked as (
                    select t.*, pl.status as plan_status, pl.current_phase, pl.start_date,
                           fl.open_count, fl.top_rank, fl.top_oldest, lc.last_date, adh.adherence
                    from team t
                    left join plan pl on pl.patient_id = t.id and pl.status <> 'ENDED'
                    left join plan_phase ph on ph.plan_id = pl.id and ph.number = pl.current_phase
                    left join lateral (
                        select count(*) as open_count,
                               max(case f.tier when 'URGENT' then 3 when 'HIGH' then 2 else 1 end) as top_rank,
                               (array_agg(f.raised_at order by case f.tier when 'URGENT' then 3 when 'HIGH' then 2 else 1 end desc,
                                                               f.raised_at))[1] as top_oldest
                        from flag f where f.patient_id = t.id and f.status = 'OPEN'
                    ) fl on true
                    left join lateral (
                        select ci.date as last_date from check_in ci where ci.patient_id = t.id
                        order by ci.date desc, ci.id desc limit 1
                    ) lc on true
                    left join lateral (
                        select case when ph.walks_per_day is not null
                                    then coalesce(sum(least(1.0, d.minutes::numeric / (ph.walks_per_day * ph.minutes_min))), 0)
                                         / (%3$s - win.from_date)
                                    else least(1.0, coalesce(sum(d.minutes), 0)::numeric * 7
                                                    / (ph.walks_per_week * ph.minutes_min * (%3$s - win.from_date)))
                               end as adherence
                        from (select greatest(%3$s - 7, coalesce((pl.activated_at at time zone '%4$s')::date,
                                                                  pl.start_date)) as from_date) win
                        left join lateral (
                            select w.date, sum(w.minutes) as minutes from walk w
                            where w.patient_id = t.id and w.date >= win.from_date and w.date < %3$s
                            group by w.date
                        ) d on true
                        where pl.status in ('ACTIVE', 'PAUSED') and win.from_date < %3$s
                        group by win.from_date
                    ) adh on true
                ),
                page as (
                    select r.*, count(*) over () as total,
                           row_number() over (order by r.top_rank desc nulls last, r.top_oldest asc nulls last,
                                              r.adherence asc nulls last, r.family_name, r.given_name, r.id) as rn
                    from ranked r
                    order by rn limit 50
                )
                select pg.*, lp.pain as latest_pain, lp.date as latest_pain_date, bl.baseline_pain, sp.series
                from page pg
                left join lateral (
                    select ci.overall_pain as pain, ci.date from check_in ci
                    where ci.patient_id = pg.id and ci.overall_pain is not null
                    order by ci.date desc, ci.id desc limit 1
                ) lp on true
                left join lateral (
                    select avg(b.pain) as baseline_pain
                    from (select distinct on (ci.date) ci.overall_pain as pain from check_in ci
                          where ci.patient_id = pg.id and ci.overall_pain is not null
                            and ci.date >= coalesce(pg.start_date, date '1900-01-01')
                          order by ci.date, ci.id desc limit 7) b
                ) bl on true
                left join lateral (
                    select array_agg(x.pain order by x.date) as series
                    from (select distinct on (ci.date) ci.date, ci.overall_pain as pain from check_in ci
                          where ci.patient_id = pg.id and ci.overall_pain is not null and ci.date > %3$s - 28
                          order by ci.date, ci.id desc) x
                ) sp on true
                order by pg.rn
                """.formatted(clinicianId, clinicId, t, zone.replace("'", "''"));
    }

    /** The check-ins of a patient in a date range with their walks, newest first (the list endpoint's rows). */
    static String checkInListSql(long patientId, LocalDate from, LocalDate to) {
        return """
                select ci.id, ci.date, ci.recorded_at, ci.overall_pain, ci.steps, ci.notes, ci.numbness_tingling,
                       ci.leg_weakness, ci.both_legs, ci.saddle_numbness, ci.bladder_bowel_problems, ci.fever,
                       ci.unexplained_weight_loss, ci.new_injury_or_fall,
                       (select coalesce(json_agg(json_build_object('minutes', w.minutes, 'surface', w.surface,
                                   'painBefore', w.pain_before, 'painAfter', w.pain_after, 'sharpPain', w.sharp_pain,
                                   'steps', w.steps) order by w.position), '[]')
                        from walk w where w.check_in_id = ci.id) as walks
                from check_in ci
                where ci.patient_id = %d and ci.date between date '%s' and date '%s'
                order by ci.date desc, ci.id desc
                """.formatted(patientId, from, to);
    }

    /** A chart's daily series: the day's last pain, last steps, walked minutes and walks. */
    static String chartSeriesSql(long patientId, LocalDate from, LocalDate to) {
        return """
                select g.day::date as day, pain.overall_pain, st.steps, wk.minutes, wk.walks
                from generate_series(date '%2$s', date '%3$s', interval '1 day') g(day)
                left join (select distinct on (ci.date) ci.date, ci.overall_pain from check_in ci
                           where ci.patient_id = %1$d and ci.overall_pain is not null
                             and ci.date between date '%2$s' and date '%3$s'
                           order by ci.date, ci.id desc) pain on pain.date = g.day::date
                left join (select distinct on (ci.date) ci.date, ci.steps from check_in ci
                           where ci.patient_id = %1$d and ci.steps is not null
                             and ci.date between date '%2$s' and date '%3$s'
                           order by ci.date, ci.id desc) st on st.date = g.day::date
                left join (select w.date, sum(w.minutes) as minutes, count(*) as walks from walk w
                           where w.patient_id = %1$d and w.date between date '%2$s' and date '%3$s'
                           group by w.date) wk on wk.date = g.day::date
                order by g.day
                """.formatted(patientId, from, to);
    }
}
