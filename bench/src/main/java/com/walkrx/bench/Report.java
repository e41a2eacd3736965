package com.walkrx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes latest.json and a readable latest.md. */
final class Report {

    private Report() {
    }

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return Math.round(v * 100) / 100.0;
    }

    static void write(Map<String, Object> result, Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(dir.resolve("latest.json"), json.writeValueAsString(result) + "\n");
        Files.writeString(dir.resolve("latest.md"), markdown(result));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String num(Object o) {
        if (o instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) d);
            }
            return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.0f" : "%.2f", d);
        }
        return o == null ? "-" : o.toString();
    }

    private static String result(Map<String, Object> f) {
        String status = String.valueOf(f.get("status"));
        if (!status.equals("measured")) {
            return status.startsWith("unavailable") ? "unavailable" : "error";
        }
        Object pass = f.get("pass");
        return pass == null ? "-" : Boolean.TRUE.equals(pass) ? "pass" : "**miss**";
    }

    static String markdown(Map<String, Object> r) {
        Map<String, Object> meta = map(r.get("meta"));
        StringBuilder md = new StringBuilder();
        md.append("# WalkRx benchmark results (").append(meta.get("mode")).append(" run)\n\n");
        md.append("| | |\n|---|---|\n");
        for (String k : List.of("date", "commit", "cpus", "jdk", "scale", "bench_seconds")) {
            md.append("| ").append(k).append(" | ").append(num(meta.get(k))).append(" |\n");
        }
        md.append("\nEvery figure is set against a baseline measured in the same run on the same machine.\n");
        Map<String, Object> durability = map(r.get("checkin"));
        if (durability.containsKey("server_durability")) {
            md.append("The check-in baseline and the app commit on the same server: ")
                    .append(durability.get("server_durability")).append(".\n");
        }
        md.append("\n");
        md.append("| figure | value | baseline | ratio | target | result |\n|---|---|---|---|---|---|\n");

        Map<String, Object> c = map(r.get("checkin"));
        md.append("| `checkin` | ").append(c.containsKey("value_per_s") ? num(c.get("value_per_s")) + " check-ins/s, p95 "
                + num(c.get("p95_ms")) + " ms (concurrency " + c.get("sustained_at_concurrency") + ")" : "-")
                .append(" | ").append(c.containsKey("baseline_per_s") ? "raw INSERT+COMMIT " + num(c.get("baseline_per_s")) + "/s" : "-")
                .append(" | ").append(num(c.get("ratio"))).append(" | ratio >= 0.25, p95 <= 50 ms | ")
                .append(result(c)).append(" |\n");
        if (c.containsKey("floor_per_s")) {
            Map<String, Object> at = map(c.get("at_floor_concurrency"));
            Map<String, Object> per = map(c.get("per_check_in"));
            md.append("| `checkin.ratio_floor` | ").append(num(at.get("per_s"))).append(" check-ins/s, p95 ")
                    .append(num(at.get("p95_ms"))).append(" ms (concurrency 16) | floor (GET /api/v1/me + raw INSERT+COMMIT) ")
                    .append(num(c.get("floor_per_s"))).append("/s | ").append(num(c.get("ratio_floor")))
                    .append(" | ratio_floor >= 0.5, p95 <= 50 ms, >= 200/s | ")
                    .append(Boolean.TRUE.equals(c.get("pass_floor")) ? "pass" : "miss").append(" |\n");
            md.append("| `checkin.per_check_in` | ").append(num(per.get("statements_per_check_in"))).append(" statements, ")
                    .append(num(per.get("writing_transactions_per_check_in"))).append(" writing transactions (")
                    .append(num(per.get("transactions_per_check_in"))).append(" in all), CPU app ")
                    .append(num(per.get("app_cpu_ms_per_check_in"))).append(" ms + PostgreSQL ")
                    .append(num(per.get("pg_cpu_ms_per_check_in"))).append(" ms | - | - | 1 writing transaction | - |\n");
        }

        Map<String, Object> au = map(r.get("audit"));
        if (au.containsKey("insert_ms")) {
            md.append("| `audit.insert_ms` | ").append(num(au.get("insert_ms")))
                    .append(" ms auto-committed; in the check-in's transaction +")
                    .append(num(au.get("insert_in_transaction_ms"))).append(" ms | round trip ")
                    .append(num(au.get("baseline_round_trip_ms"))).append(" ms | share of chart service ")
                    .append(num(au.get("share_of_chart_service"))).append(", of check-in service ")
                    .append(num(au.get("share_of_checkin_service"))).append(" | (information) | - |\n");
        }

        Map<String, Object> cl = map(r.get("caseload"));
        md.append("| `caseload` | ").append(cl.containsKey("value_ms") ? num(cl.get("value_ms")) + " ms at 5,000 patients" : "-")
                .append(" | ").append(cl.containsKey("baseline_ms") ? "SQL " + num(cl.get("baseline_ms")) + " ms" : "-")
                .append(" | ").append(num(cl.get("ratio"))).append(", growth_10x ").append(num(cl.get("growth_10x")))
                .append(" | ratio <= 1.5, growth_10x <= 2 | ").append(result(cl)).append(" |\n");
        cl.keySet().stream().filter(k -> k.startsWith("at_") && k.contains("_x_")).findFirst().ifPresent(k -> {
            Map<String, Object> w = map(cl.get(k));
            md.append("| `caseload." + k + "` | ").append(num(map(w.get("app")).get("p50_ms"))).append(" ms | SQL ")
                    .append(num(map(w.get("sql")).get("execution_p50_ms"))).append(" ms | ").append(num(cl.get("ratio_wide")))
                    .append(", vs 5,000: ").append(num(cl.entrySet().stream().filter(e -> e.getKey().startsWith("growth_wide"))
                            .map(Map.Entry::getValue).findFirst().orElse(null)))
                    .append(" | ratio <= 1.5, growth <= 2 | ")
                    .append(Boolean.TRUE.equals(cl.get("pass_wide")) ? "pass" : "miss").append(" |\n");
        });
        Map<String, Object> ch = map(cl.get("chart"));
        md.append("| `caseload.chart` | ").append(ch.containsKey("value_ms") ? num(ch.get("value_ms")) + " ms" : "-")
                .append(" | ").append(ch.containsKey("baseline_ms") ? "SQL " + num(ch.get("baseline_ms")) + " ms" : "-")
                .append(" | ").append(num(ch.get("ratio"))).append(", growth_10x ").append(num(ch.get("growth_10x")))
                .append(" | ratio <= 1.5, growth_10x <= 2 | ").append(result(ch)).append(" |\n");

        Map<String, Object> s = map(r.get("session_kb"));
        md.append("| `session_kb` | ").append(s.containsKey("value_kb") ? num(s.get("value_kb")) + " KB/session (N="
                        + s.get("sessions") + ")" : "-")
                .append(" | ").append(s.containsKey("baseline_heap_bytes") ? "live heap with 0 sessions "
                        + num(((Number) s.get("baseline_heap_bytes")).longValue() / 1_048_576.0) + " MB" : "-")
                .append(" | - | <= 300 KB | ").append(result(s)).append(" |\n");

        Map<String, Object> p = map(r.get("flag_push_ms"));
        md.append("| `flag_push_ms` | ").append(p.containsKey("p95_ms") ? "p50 " + num(p.get("p50_ms")) + " ms, p95 "
                        + num(p.get("p95_ms")) + " ms" : "-")
                .append(" | ").append(p.containsKey("baseline_ms") ? "POST round trip " + num(p.get("baseline_ms")) + " ms" : "-")
                .append(" | ").append(num(p.get("ratio"))).append(" | p95 <= 1000 ms | ").append(result(p)).append(" |\n");
        Map<String, Object> x = map(p.get("cross_instance"));
        md.append("| `flag_push_ms.cross_instance` (check-in on B, browser on A) | ").append(x.containsKey("p95_ms")
                        ? "p50 " + num(x.get("p50_ms")) + " ms, p95 " + num(x.get("p95_ms")) + " ms" : "-")
                .append(" | ").append(x.containsKey("baseline_ms") ? "POST round trip " + num(x.get("baseline_ms"))
                        + " ms" : "-")
                .append(" | ").append(num(x.get("ratio"))).append(" | p95 <= 1000 ms | ").append(result(x)).append(" |\n");

        Map<String, Object> g = map(r.get("generator"));
        md.append("| `generator` | ").append(g.containsKey("rows_per_s") ? num(g.get("rows_per_s")) + " rows/s ("
                        + num(g.get("rows")) + " rows)" : "-")
                .append(" | ").append(g.containsKey("raw_copy_rows_per_s") ? "raw COPY " + num(g.get("raw_copy_rows_per_s"))
                        + " rows/s" : "-")
                .append(" | ").append(num(g.get("ratio"))).append(" | - | ").append(String.valueOf(g.get("status"))
                        .equals("measured") ? "-" : "error").append(" |\n");

        Map<String, Object> a = map(r.get("auth_basic"));
        md.append("| `auth_basic` | ").append(a.containsKey("cost_10_p50_ms") ? "cost-10 request " + num(a.get("cost_10_p50_ms"))
                        + " ms" : "-")
                .append(" | ").append(a.keySet().stream().filter(k -> k.startsWith("cost_") && !k.startsWith("cost_10"))
                        .findFirst().map(k -> "cheap hash " + num(a.get(k)) + " ms").orElse("-"))
                .append(" | - | (information) | - |\n");

        Map<String, Object> ex = map(r.get("export"));
        md.append("| `export` (").append(num(ex.get("days"))).append(" days) | ");
        for (String what : List.of("report.pdf", "check-ins.csv", "fhir")) {
            Map<String, Object> one = map(ex.get(what));
            md.append(what).append(" p50 ").append(num(one.get("p50_ms"))).append(" ms; ");
        }
        md.append(" | - | - | (information; aim < 1 s) | ").append(result(ex)).append(" |\n");

        md.append("\n## Details\n\n");
        if (c.get("levels") instanceof List<?> levels && !levels.isEmpty()) {
            md.append("### checkin\n\n| concurrency | app /s | app p50 | app p95 | app p99 | service p50 | app errors | raw /s | raw p50 | raw p95 | ratio |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Object o : levels) {
                Map<String, Object> l = map(o);
                Map<String, Object> app = map(l.get("app"));
                Map<String, Object> raw = map(l.get("raw"));
                md.append("| ").append(l.get("concurrency")).append(" | ").append(num(app.get("per_s"))).append(" | ")
                        .append(num(app.get("p50_ms"))).append(" | ").append(num(app.get("p95_ms"))).append(" | ")
                        .append(num(app.get("p99_ms"))).append(" | ").append(num(app.get("service_p50_ms"))).append(" | ")
                        .append(num(app.get("errors"))).append(" | ")
                        .append(num(raw.get("per_s"))).append(" | ").append(num(raw.get("p50_ms"))).append(" | ")
                        .append(num(raw.get("p95_ms"))).append(" | ").append(num(l.get("ratio"))).append(" |\n");
            }
            md.append("\n");
        }
        for (var fig : List.of(Map.entry("caseload", cl), Map.entry("caseload.chart", ch))) {
            md.append("### ").append(fig.getKey()).append("\n\n| size | service p50 | service p95 | HTTP round trip p50 | SQL exec p50 | SQL plan p50 | ratio |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (String size : List.of("at_500", "at_5000")) {
                Map<String, Object> z = map(fig.getValue().get(size));
                if (z.isEmpty()) {
                    continue;
                }
                md.append("| ").append(size).append(" | ").append(num(map(z.get("app")).get("p50_ms"))).append(" | ")
                        .append(num(map(z.get("app")).get("p95_ms"))).append(" | ")
                        .append(num(map(z.get("app")).get("round_trip_p50_ms"))).append(" | ")
                        .append(num(map(z.get("sql")).get("execution_p50_ms"))).append(" | ")
                        .append(num(map(z.get("sql")).get("planning_p50_ms"))).append(" | ")
                        .append(num(z.get("ratio"))).append(" |\n");
            }
            md.append("\n");
        }
        md.append("### status of each figure\n\n");
        for (String k : List.of("generator", "checkin", "audit", "caseload", "session_kb", "flag_push_ms", "auth_basic",
                "export")) {
            md.append("- `").append(k).append("`: ").append(map(r.get(k)).get("status")).append("\n");
        }
        md.append("- `flag_push_ms.cross_instance`: ").append(map(map(r.get("flag_push_ms")).get("cross_instance"))
                .get("status")).append("\n");
        md.append("- `caseload.chart`: ").append(ch.get("status")).append("\n");
        md.append("\nFull numbers, what each figure measures and its baseline: `latest.json`.\n");
        return md.toString();
    }
}
