package com.walkrx.report;

import com.walkrx.base.security.Caller;
import com.walkrx.checkin.CheckInSql;
import com.walkrx.patient.PatientAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caseload CSV: every patient in the caller's scope (admin: the clinic; clinician: their care teams), one row
 * each, with the numbers the caseload grid triages by. The 7-day adherence, latest pain and baseline follow the
 * shared definitions the caseload uses (pinned by CaseloadCsvTest against CaseloadService on the same data).
 */
@Component
class CaseloadCsv {

    static final String[] HEADER = {"patient_id", "given_name", "family_name", "date_of_birth", "condition", "acuity",
            "care_team", "plan_template", "plan_status", "plan_phase", "plan_start", "adherence_7d_percent",
            "last_check_in", "latest_pain", "latest_pain_date", "baseline_pain", "open_urgent_flags",
            "open_high_flags", "open_advisory_flags"};

    private static final String SQL = """
            select p.id, p.given_name, p.family_name, p.date_of_birth, p.condition, p.acuity,
                   (select string_agg(u.display_name, '; ' order by u.display_name) from care_team_member m
                    join app_user u on u.id = m.clinician_id where m.patient_id = p.id) as care_team,
                   pl.template, pl.status as plan_status, pl.current_phase, pl.start_date,
                   adh.adherence, lc.last_date, lp.pain as latest_pain, lp.date as latest_pain_date,
                   bl.pain_sum, bl.pain_days,
                   coalesce(fl.urgent, 0) as urgent, coalesce(fl.high, 0) as high, coalesce(fl.advisory, 0) as advisory
            from patient p
            join clinic c on c.id = p.clinic_id
            left join plan pl on pl.patient_id = p.id and pl.status <> 'ENDED'
            left join plan_phase ph on ph.plan_id = pl.id and ph.number = pl.current_phase
            left join lateral (
                select case when pl.status in ('ACTIVE', 'PAUSED') then
                            greatest(cast(:today as date) - 7,
                                     coalesce(cast(pl.activated_at at time zone c.time_zone as date), pl.start_date))
                       end as adh_from
            ) af on true
            left join lateral (""" + CheckInSql.adherence("p.id", "af.adh_from", "ph.walks_per_day",
            "ph.walks_per_week", "ph.minutes_min") + """
            ) adh on af.adh_from < cast(:today as date) and ph.minutes_min is not null
            left join lateral (select max(ci.date) as last_date from check_in ci where ci.patient_id = p.id) lc on true
            left join lateral (""" + CheckInSql.latestPain("p.id") + """
            ) lp on true
            left join lateral (""" + CheckInSql.baselinePain("p.id") + """
            ) bl on true
            left join lateral (
                select count(*) filter (where f.tier = 'URGENT') as urgent,
                       count(*) filter (where f.tier = 'HIGH') as high,
                       count(*) filter (where f.tier = 'ADVISORY') as advisory
                from flag f where f.patient_id = p.id and f.status = 'OPEN'
            ) fl on true
            where %s
            order by p.family_name, p.given_name, p.id
            """;

    private final JdbcClient jdbc;

    CaseloadCsv(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EpisodeReader.FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * Streams the caller's caseload as CSV, telling {@code written} each patient's id as its row is written; run in a
     * transaction so that the rows come through a cursor.
     */
    void write(Caller caller, LocalDate today, OutputStream out, java.util.function.LongConsumer written)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CheckInCsv.BOM);
        Map<String, Object> params = new HashMap<>(PatientAccess.scopeParams(caller));
        params.put("today", today);
        try (CSVPrinter csv = new CSVPrinter(writer, CheckInCsv.format(HEADER))) {
            jdbc.sql(SQL.formatted(PatientAccess.scopeSql(caller))).params(params).query(rs -> {
                BigDecimal adherence = rs.getBigDecimal("adherence");
                long painDays = rs.getLong("pain_days");
                BigDecimal baseline = painDays == 0 ? null : BigDecimal.valueOf(rs.getLong("pain_sum"))
                        .divide(BigDecimal.valueOf(painDays), 1, RoundingMode.HALF_UP);
                try {
                    CheckInCsv.print(csv, rs.getLong("id"), rs.getString("given_name"), rs.getString("family_name"),
                            rs.getObject("date_of_birth", LocalDate.class), rs.getString("condition"),
                            rs.getString("acuity"), rs.getString("care_team"), rs.getString("template"),
                            rs.getString("plan_status"), rs.getObject("current_phase", Integer.class),
                            rs.getObject("start_date", LocalDate.class),
                            adherence == null ? null : adherence.movePointRight(2).setScale(0, RoundingMode.HALF_UP),
                            rs.getObject("last_date", LocalDate.class), rs.getObject("latest_pain", Integer.class),
                            rs.getObject("latest_pain_date", LocalDate.class), baseline, rs.getInt("urgent"),
                            rs.getInt("high"), rs.getInt("advisory"));
                    written.accept(rs.getLong("id"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
