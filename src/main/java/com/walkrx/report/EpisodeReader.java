package com.walkrx.report;

import com.walkrx.flag.FlagCode;
import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import com.walkrx.report.Episode.Clinician;
import com.walkrx.report.Episode.Evidence;
import com.walkrx.report.Episode.FlagInfo;
import com.walkrx.report.Episode.PatientInfo;
import com.walkrx.report.Episode.PhaseInfo;
import com.walkrx.report.Episode.PlanChangeItem;
import com.walkrx.report.Episode.PlanInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exports' SQL read model of one patient (package-info names the tables). Callers have checked access; the
 * streaming reads need a transaction, in which PostgreSQL hands the rows over through a cursor
 * {@value #FETCH_SIZE} at a time.
 */
@Component
class EpisodeReader {

    static final int FETCH_SIZE = 500;

    /** Where a patient's therapy starts (dashboard's shared definition): the first plan's start, else the first check-in. */
    static final String THERAPY_START = """
            coalesce((select min(bp.start_date) from plan bp where bp.patient_id = :id and bp.status <> 'DRAFT'),
                     (select min(fc.date) from check_in fc where fc.patient_id = :id))
            """;

    private final JdbcClient jdbc;

    EpisodeReader(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    Episode episode(long patientId) {
        record Head(PatientInfo patient, long clinicId, String clinicName) {
        }
        Head head = jdbc.sql("""
                        select p.id, p.given_name, p.family_name, p.date_of_birth, p.condition, p.acuity, p.onset_date,
                               p.surgery_date, p.surgeon_clearance_date, p.surgeon_clearance_limits, c.id as clinic_id,
                               c.name as clinic_name
                        from patient p join clinic c on c.id = p.clinic_id
                        where p.id = :id
                        """)
                .param("id", patientId)
                .query((rs, n) -> new Head(new PatientInfo(rs.getLong("id"), rs.getString("given_name"),
                        rs.getString("family_name"), rs.getObject("date_of_birth", LocalDate.class),
                        Condition.valueOf(rs.getString("condition")), Acuity.valueOf(rs.getString("acuity")),
                        rs.getObject("onset_date", LocalDate.class), rs.getObject("surgery_date", LocalDate.class),
                        rs.getObject("surgeon_clearance_date", LocalDate.class),
                        rs.getString("surgeon_clearance_limits")), rs.getLong("clinic_id"), rs.getString("clinic_name")))
                .single();
        List<Clinician> team = jdbc.sql("""
                        select u.id, u.display_name from care_team_member m join app_user u on u.id = m.clinician_id
                        where m.patient_id = :id order by u.display_name, u.id
                        """)
                .param("id", patientId)
                .query((rs, n) -> new Clinician(rs.getLong("id"), rs.getString("display_name"))).list();
        LocalDate start = jdbc.sql("select " + THERAPY_START).param("id", patientId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).single();
        return new Episode(head.patient(), head.clinicName(), head.clinicId(), team, plans(patientId),
                changes(patientId), flags(patientId), start);
    }

    private List<PlanInfo> plans(long patientId) {
        Map<Long, PlanInfo> plans = new LinkedHashMap<>();
        Map<Long, List<PhaseInfo>> phases = new LinkedHashMap<>();
        jdbc.sql("""
                        select pl.id, pl.template, pl.status, pl.current_phase, pl.start_date, pl.phase_started_on,
                               cast(pl.activated_at at time zone c.time_zone as date) as activated_on,
                               cast(pl.ended_at at time zone c.time_zone as date) as ended_on, pl.pause_reason,
                               ph.number, ph.min_days, ph.walks_per_day, ph.walks_per_week, ph.minutes_min,
                               ph.minutes_max, ph.surfaces, ph.step_target, ph.guidance
                        from plan pl join clinic c on c.id = pl.clinic_id
                        left join plan_phase ph on ph.plan_id = pl.id
                        where pl.patient_id = :id
                        order by (pl.status <> 'ENDED') desc, pl.start_date desc, pl.id desc, ph.number
                        """)
                .param("id", patientId)
                .query(rs -> {
                    long id = rs.getLong("id");
                    List<PhaseInfo> list = phases.computeIfAbsent(id, k -> new ArrayList<>());
                    if (!plans.containsKey(id)) {
                        plans.put(id, new PlanInfo(id, rs.getString("template"), rs.getString("status"),
                                rs.getInt("current_phase"), rs.getObject("start_date", LocalDate.class),
                                rs.getObject("phase_started_on", LocalDate.class),
                                rs.getObject("activated_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                                rs.getString("pause_reason"), list));
                    }
                    if (rs.getObject("number") != null) {
                        list.add(new PhaseInfo(rs.getInt("number"), rs.getInt("min_days"),
                                rs.getObject("walks_per_day", Integer.class), rs.getObject("walks_per_week", Integer.class),
                                rs.getInt("minutes_min"), rs.getInt("minutes_max"), rs.getString("surfaces"),
                                rs.getObject("step_target", Integer.class), rs.getString("guidance")));
                    }
                });
        return plans.values().stream().map(p -> new PlanInfo(p.id(), p.template(), p.status(), p.currentPhase(),
                p.startDate(), p.phaseStartedOn(), p.activatedOn(), p.endedOn(), p.pauseReason(),
                List.copyOf(p.phases()))).toList();
    }

    private List<PlanChangeItem> changes(long patientId) {
        return jdbc.sql("""
                        select c.plan_id, c.changed_at, coalesce(c.changed_by_name, 'WalkRx') as by, c.summary
                        from plan_change c join plan pl on pl.id = c.plan_id
                        where pl.patient_id = :id
                        order by c.changed_at, c.id
                        """)
                .param("id", patientId)
                .query((rs, n) -> new PlanChangeItem(rs.getLong("plan_id"), instant(rs, "changed_at"),
                        rs.getString("by"), rs.getString("summary")))
                .list();
    }

    private List<FlagInfo> flags(long patientId) {
        Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
        jdbc.sql("""
                        select fe.flag_id, fe.check_in_id, ci.date, fe.detail, fe.added_at,
                               coalesce(ci.overall_pain is not null, false) as pain_scored,
                               coalesce(ci.steps is not null, false) as steps_recorded,
                               array(select w.id from walk w where w.check_in_id = ci.id order by w.position, w.id)
                                   as walk_ids
                        from flag_evidence fe join flag f on f.id = fe.flag_id
                        left join check_in ci on ci.id = fe.check_in_id
                        where f.patient_id = :id
                        order by fe.added_at, fe.id
                        """)
                .param("id", patientId)
                .query(rs -> {
                    evidence.computeIfAbsent(rs.getLong("flag_id"), k -> new ArrayList<>()).add(new Evidence(
                            rs.getObject("check_in_id", Long.class), rs.getObject("date", LocalDate.class),
                            rs.getString("detail"), instant(rs, "added_at"), rs.getBoolean("pain_scored"),
                            rs.getBoolean("steps_recorded"), longs(rs.getArray("walk_ids"))));
                });
        return jdbc.sql("""
                        select f.id, f.code, f.tier, f.status, f.raised_at, f.basis, f.acknowledged_at,
                               f.acknowledged_by_name, f.acknowledge_note, f.resolved_at, f.resolved_by_name,
                               f.resolved_by_system, f.outcome, f.action, f.resolve_note
                        from flag f
                        where f.patient_id = :id
                        order by f.raised_at, f.id
                        """)
                .param("id", patientId)
                .query((rs, n) -> new FlagInfo(rs.getLong("id"), rs.getString("code"), label(rs.getString("code")),
                        rs.getString("tier"), rs.getString("status"), instant(rs, "raised_at"), rs.getString("basis"),
                        instant(rs, "acknowledged_at"), rs.getString("acknowledged_by_name"),
                        rs.getString("acknowledge_note"), instant(rs, "resolved_at"), rs.getString("resolved_by_name"),
                        rs.getBoolean("resolved_by_system"), rs.getString("outcome"), rs.getString("action"),
                        rs.getString("resolve_note"),
                        List.copyOf(evidence.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    private static String label(String code) {
        return Arrays.stream(FlagCode.values()).filter(c -> c.name().equals(code)).findFirst()
                .map(FlagCode::label).orElse(code);
    }

    /** The day's overall pain (the last score reported that day), one entry per day that has one, oldest first. */
    List<DayValue> dailyPain(long patientId) {
        return jdbc.sql("""
                        select distinct on (ci.date) ci.date, ci.overall_pain
                        from check_in ci
                        where ci.patient_id = :id and ci.overall_pain is not null
                        order by ci.date, ci.id desc
                        """)
                .param("id", patientId)
                .query((rs, n) -> new DayValue(rs.getObject("date", LocalDate.class), rs.getInt("overall_pain")))
                .list();
    }

    record DayValue(LocalDate date, int value) {
    }

    /** Totals of the walking record: walks, minutes, days with a check-in, first and last check-in. */
    record Totals(int walks, long minutes, int checkInDays, LocalDate firstCheckIn, LocalDate lastCheckIn) {
    }

    Totals totals(long patientId) {
        return jdbc.sql("""
                        select (select count(*) from walk w where w.patient_id = :id) as walks,
                               (select coalesce(sum(w.minutes), 0) from walk w where w.patient_id = :id) as minutes,
                               count(distinct ci.date) as days, min(ci.date) as first, max(ci.date) as last
                        from check_in ci where ci.patient_id = :id
                        """)
                .param("id", patientId)
                .query((rs, n) -> new Totals(rs.getInt("walks"), rs.getLong("minutes"), rs.getInt("days"),
                        rs.getObject("first", LocalDate.class), rs.getObject("last", LocalDate.class)))
                .single();
    }

    /**
     * Adherence over the whole days {@code [from, to)} against one phase's prescription (HELPERS.md's shared
     * definition: walked minutes / prescribed minutes, each day capped at 100%; a per-week phase over the whole
     * window). Null when the window is empty.
     */
    Double adherence(long patientId, PhaseInfo phase, LocalDate from, LocalDate to) {
        if (phase == null || !from.isBefore(to)) {
            return null;
        }
        return jdbc.sql("""
                        select case when cast(:perDay as int) is not null
                                    then coalesce(sum(least(1.0, d.minutes::numeric / (cast(:perDay as int) * :minutes))), 0)
                                         / (cast(:to as date) - cast(:from as date))
                                    else least(1.0, coalesce(sum(d.minutes), 0)::numeric * 7
                                         / (cast(:perWeek as int) * :minutes * (cast(:to as date) - cast(:from as date))))
                               end
                        from (select w.date, sum(w.minutes) as minutes from walk w
                              where w.patient_id = :id and w.date >= :from and w.date < :to
                              group by w.date) d
                        """)
                .param("id", patientId).param("from", from).param("to", to)
                .param("perDay", phase.walksPerDay()).param("perWeek", phase.walksPerWeek())
                .param("minutes", phase.minutesMin())
                .query((rs, n) -> rs.getBigDecimal(1)).optional().map(b -> b.doubleValue()).orElse(null);
    }

    /** Streams the patient's check-ins with their walks, one row per walk (see {@link CheckInRow}). */
    void checkIns(long patientId, Consumer<CheckInRow> sink) {
        jdbc.sql("""
                        select ci.id, ci.date, ci.recorded_at, ci.overall_pain, ci.steps, ci.notes, ci.numbness_tingling,
                               ci.leg_weakness, ci.both_legs, ci.saddle_numbness, ci.bladder_bowel_problems, ci.fever,
                               ci.unexplained_weight_loss, ci.new_injury_or_fall,
                               w.id as walk_id, w.position, w.minutes, w.surface, w.pain_before, w.pain_after,
                               w.sharp_pain, w.steps as walk_steps
                        from check_in ci
                        left join walk w on w.check_in_id = ci.id
                        where ci.patient_id = :id
                        order by ci.date, ci.id, w.position, w.id
                        """)
                .param("id", patientId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(new CheckInRow(rs.getLong("id"), rs.getObject("date", LocalDate.class),
                        instant(rs, "recorded_at"), rs.getObject("overall_pain", Integer.class),
                        rs.getObject("steps", Integer.class), rs.getString("notes"), rs.getString("numbness_tingling"),
                        rs.getString("leg_weakness"), rs.getObject("both_legs", Boolean.class),
                        rs.getObject("saddle_numbness", Boolean.class), rs.getObject("bladder_bowel_problems", Boolean.class),
                        rs.getObject("fever", Boolean.class), rs.getObject("unexplained_weight_loss", Boolean.class),
                        rs.getObject("new_injury_or_fall", Boolean.class), rs.getObject("walk_id", Long.class),
                        rs.getObject("position", Integer.class), rs.getObject("minutes", Integer.class),
                        rs.getString("surface"), rs.getObject("pain_before", Integer.class),
                        rs.getObject("pain_after", Integer.class), rs.getObject("sharp_pain", Boolean.class),
                        rs.getObject("walk_steps", Integer.class))));
    }

    private static List<Long> longs(java.sql.Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).longValue()).toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
