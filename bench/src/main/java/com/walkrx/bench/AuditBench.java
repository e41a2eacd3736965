package com.walkrx.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit write costs (issue 15: "the audit write cheap on hot paths, measured in the benchmark"): one
 * audit_event row as an auto-committed INSERT (what a read pays when its entry is a statement of its own: a
 * durable commit), the same row added to a check-in's transaction (what the check-in pays: no commit of its own),
 * both on one raw JDBC connection of the app's server, next to a bare round trip; the app's own audit statements
 * as pg_stat_statements saw them; and the shares of the chart's and the check-in's service times.
 */
final class AuditBench {

    static final String INSERT = """
            insert into audit_event (clinic_id, user_id, username, client_address, action, patient_id, allowed, detail)
            values (?, null, ?, '127.0.0.1', 'VIEWED_CHECK_INS', ?, true, 'benchmark baseline: raw audit INSERT')
            """;

    private AuditBench() {
    }

    static Map<String, Object> run(Db db, Generator.World world, int n, Map<String, Object> result) throws Exception {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("status", "measured");
        f.put("what", "one audit_event row (all its indexes, WAL, durable commit) on a raw JDBC connection: "
                + "insert_ms = an auto-committed INSERT (an audited read's entry on its own statement); "
                + "insert_in_transaction_ms = p50(check_in INSERT + audit INSERT + COMMIT) - p50(check_in INSERT + "
                + "COMMIT), alternated (what the check-in's entry adds inside its one transaction); p50 of " + n);
        f.put("baseline", "a bare round trip (select 1) on the same connection, baseline_round_trip_ms");
        Generator.PatientRef p = world.rawPatients.getFirst();
        String user = world.prefix + "-bench-audit";
        double[] alone = new double[n];
        double[] checkIn = new double[n];
        double[] checkInAudited = new double[n];
        double[] roundTrip = new double[n];
        try (Connection c = db.open();
             PreparedStatement audit = c.prepareStatement(INSERT);
             PreparedStatement raw = c.prepareStatement(CheckInBench.RAW_INSERT);
             PreparedStatement ping = c.prepareStatement("select 1")) {
            audit.setLong(1, p.clinicId());
            audit.setString(2, user);
            audit.setLong(3, p.id());
            raw.setLong(1, p.clinicId());
            raw.setLong(2, p.id());
            raw.setObject(3, world.today);
            raw.setInt(4, 3);
            raw.setInt(5, 4000);
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    try (ResultSet rs = ping.executeQuery()) {
                        rs.next();
                    }
                    long t1 = System.nanoTime();
                    audit.executeUpdate(); // auto-commit
                    long t2 = System.nanoTime();
                    c.setAutoCommit(false);
                    long t3 = System.nanoTime();
                    raw.executeUpdate();
                    c.commit();
                    long t4 = System.nanoTime();
                    raw.executeUpdate();
                    audit.executeUpdate();
                    c.commit();
                    long t5 = System.nanoTime();
                    c.setAutoCommit(true);
                    roundTrip[i] = (t1 - t0) / 1e6;
                    alone[i] = (t2 - t1) / 1e6;
                    checkIn[i] = (t4 - t3) / 1e6;
                    checkInAudited[i] = (t5 - t4) / 1e6;
                }
            }
        }
        Stats a = Stats.ofMillis(alone);
        Stats ci = Stats.ofMillis(checkIn);
        Stats cia = Stats.ofMillis(checkInAudited);
        Stats rt = Stats.ofMillis(roundTrip);
        f.put("insert_ms", Report.round(a.p50()));
        f.put("insert_p95_ms", Report.round(a.p95()));
        double inTx = Math.max(0, cia.p50() - ci.p50());
        f.put("insert_in_transaction_ms", Report.round(inTx));
        f.put("check_in_insert_commit_p50_ms", Report.round(ci.p50()));
        f.put("check_in_and_audit_insert_commit_p50_ms", Report.round(cia.p50()));
        f.put("baseline_round_trip_ms", Report.round(rt.p50()));
        f.put("app_statements", appStatements(db));

        Double chart = number(path(result, "caseload", "chart", "value_ms"));
        if (chart != null && chart > 0) {
            // the chart figure reads every page of the check-in list: one audit entry per page
            Double pages = number(path(result, "caseload", "chart", "at_5000", "api_pages"));
            double entries = pages == null ? 1 : pages;
            f.put("share_of_chart_service", Report.round(a.p50() * entries / chart));
            f.put("chart_service_ms", chart);
        }
        Double checkInService = checkInService(result);
        if (checkInService != null && checkInService > 0) {
            f.put("share_of_checkin_service", Report.round(inTx / checkInService));
            f.put("checkin_service_ms_at_concurrency_1", checkInService);
        }
        f.put("note", "shares are estimates: the raw cost of the entry over the figure's service time (Server-Timing)"
                + "; an audited read cannot answer faster than insert_ms, the durable commit of its entry");
        return f;
    }

    /** The app's audit INSERTs (and the check-in statement that carries its entry) as pg_stat_statements saw them. */
    private static Object appStatements(Db db) {
        if (!CheckInFloor.statementsAvailable(db)) {
            return "unavailable: pg_stat_statements is not preloaded by the server";
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db.open(); var st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select calls, mean_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) as q
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query ilike '%insert into audit_event%' and query not ilike '%benchmark baseline%'
                order by calls desc limit 8""")) {
            while (rs.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("calls", rs.getLong("calls"));
                m.put("mean_exec_ms", Report.round(rs.getDouble("mean_exec_time")));
                m.put("rows_per_call", Report.round(rs.getDouble("rows") / Math.max(1, rs.getLong("calls"))));
                m.put("query", rs.getString("q"));
                rows.add(m);
            }
        } catch (SQLException e) {
            return "unavailable: " + e.getMessage();
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Double checkInService(Map<String, Object> result) {
        if (result.get("checkin") instanceof Map<?, ?> c && c.get("levels") instanceof List<?> levels) {
            for (Object o : levels) {
                Map<String, Object> l = (Map<String, Object>) o;
                if (Integer.valueOf(1).equals(l.get("concurrency")) && l.get("app") instanceof Map<?, ?> app) {
                    return number(app.get("service_p50_ms"));
                }
            }
        }
        return null;
    }

    private static Object path(Map<String, Object> m, String... keys) {
        Object o = m;
        for (String k : keys) {
            if (!(o instanceof Map<?, ?> map)) {
                return null;
            }
            o = map.get(k);
        }
        return o;
    }

    private static Double number(Object o) {
        return o instanceof Number x ? x.doubleValue() : null;
    }
}
