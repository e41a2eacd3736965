package com.walkrx.dashboard;

import com.walkrx.audit.AuditAction;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.dashboard.PatientChart.Day;
import com.walkrx.dashboard.PatientChart.FlagItem;
import com.walkrx.dashboard.PatientChart.Header;
import com.walkrx.dashboard.PatientChart.Phase;
import com.walkrx.dashboard.PatientChart.PlanView;
import com.walkrx.dashboard.PatientChart.Proposal;
import com.walkrx.dashboard.PatientChart.WalkPoint;
import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patient chart's read model: one patient's plan, pain, steps, walks and flags over a range. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientChartService {

    private static final int FLAG_LIMIT = 100;

    private final JdbcClient jdbc;
    private final PatientAccess access;
    private final PainQueries pain;
    private final Clock clock;

    /** The chart of a patient the caller may read, for the range ending today; otherwise not found. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional // not read-only: opening the chart marks the patient's notes read for a clinician
    public PatientChart chart(Caller caller, long patientId, ChartRange range) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PATIENT);
        markNotesRead(caller, patientId);
        return chartAfterAccess(patientId, range);
    }

    /**
     * Opening the chart shows the patient's notes (its check-in list): for a clinician, every note up to the newest
     * one now on record counts as read, and the caseload's "unread notes" marker clears (per clinician).
     */
    private void markNotesRead(Caller caller, long patientId) {
        if (!caller.isClinician()) {
            return;
        }
        jdbc.sql("""
                        insert into note_read (user_id, patient_id, read_up_to)
                        select :user, :patient, max(ci.recorded_at) from check_in ci
                        where ci.patient_id = :patient and ci.notes is not null
                        having max(ci.recorded_at) is not null
                        on conflict (user_id, patient_id)
                        do update set read_up_to = greatest(note_read.read_up_to, excluded.read_up_to)""")
                .param("user", caller.userId()).param("patient", patientId).update();
    }

    private PatientChart chartAfterAccess(long patientId, ChartRange range) {
        LocalDate today = LocalDate.now(clock);
        Header header = header(patientId, today);
        PlanView plan = plan(patientId).orElse(null);
        LocalDate start = pain.therapyStart(patientId);
        LocalDate from = switch (range) {
            case ALL -> start != null && start.isBefore(today.minusDays(27)) ? start : today.minusDays(27);
            default -> today.minusDays(range.days() - 1L);
        };
        PainChange change = pain.painChange(patientId, start);
        List<Day> days = days(patientId, plan, from, today);
        List<WalkPoint> walks = jdbc.sql("""
                        select w.date, w.position, w.minutes, w.surface, w.pain_before, w.pain_after, w.sharp_pain, w.steps
                        from walk w
                        where w.patient_id = :id and w.date between :from and :to
                        order by w.date, w.id
                        """)
                .param("id", patientId).param("from", from).param("to", today)
                .query((rs, n) -> walk(rs)).list();
        return new PatientChart(header, plan, range, from, today, start, change, days, walks, flags(patientId));
    }

    /** One page of the patient's walks from {@code from} on, newest first. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<WalkPoint> walks(Caller caller, long patientId, LocalDate from, int offset, int limit) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_CHECK_INS);
        return jdbc.sql("""
                        select w.date, w.position, w.minutes, w.surface, w.pain_before, w.pain_after, w.sharp_pain, w.steps
                        from walk w
                        where w.patient_id = :id and w.date >= :from
                        order by w.date desc, w.id desc
                        offset :offset limit :limit
                        """)
                .param("id", patientId).param("from", from).param("offset", offset).param("limit", limit)
                .query((rs, n) -> walk(rs)).list();
    }

    private Header header(long patientId, LocalDate today) {
        return jdbc.sql("""
                        select id, given_name, family_name, date_of_birth, condition, acuity, onset_date, surgery_date,
                               surgeon_clearance_date, surgeon_clearance_limits
                        from patient where id = :id
                        """)
                .param("id", patientId)
                .query((rs, n) -> {
                    LocalDate dob = rs.getObject("date_of_birth", LocalDate.class);
                    return new Header(rs.getLong("id"), rs.getString("given_name"), rs.getString("family_name"), dob,
                            Period.between(dob, today).getYears(), Condition.valueOf(rs.getString("condition")),
                            Acuity.valueOf(rs.getString("acuity")), rs.getObject("onset_date", LocalDate.class),
                            rs.getObject("surgery_date", LocalDate.class),
                            rs.getObject("surgeon_clearance_date", LocalDate.class),
                            rs.getString("surgeon_clearance_limits"));
                })
                .optional().orElseThrow(() -> new NotFoundException("Patient"));
    }

    /** The live plan, else the most recent one, with its phases and pending proposal: one query. */
    Optional<PlanView> plan(long patientId) {
        record Row(long id, String template, String status, int currentPhase, LocalDate start, LocalDate phaseStarted,
                   LocalDate endedOn, String pauseReason, Phase phase, Proposal proposal) {
        }
        List<Row> rows = jdbc.sql("""
                        with chosen as (
                            select pl.*, c.time_zone
                            from plan pl join clinic c on c.id = pl.clinic_id
                            where pl.patient_id = :id
                            order by (pl.status <> 'ENDED') desc, pl.start_date desc, pl.id desc
                            limit 1
                        )
                        select ch.id, ch.template, ch.status, ch.current_phase, ch.start_date, ch.phase_started_on,
                               cast(ch.ended_at at time zone ch.time_zone as date) as ended_on, ch.pause_reason,
                               ph.number, ph.min_days, ph.walks_per_day, ph.walks_per_week, ph.minutes_min,
                               ph.minutes_max, ph.surfaces, ph.step_target, ph.guidance,
                               pr.kind as proposal_kind, pr.reason as proposal_reason, pr.created_at as proposal_at
                        from chosen ch
                        left join plan_phase ph on ph.plan_id = ch.id
                        left join lateral (select p2.kind, p2.reason, p2.created_at from plan_proposal p2
                                           where p2.plan_id = ch.id and p2.status = 'PENDING'
                                           order by p2.created_at desc limit 1) pr on true
                        order by ph.number
                        """)
                .param("id", patientId)
                .query((rs, n) -> {
                    Phase phase = rs.getObject("number") == null ? null : new Phase(rs.getInt("number"),
                            rs.getInt("min_days"), (Integer) rs.getObject("walks_per_day", Integer.class),
                            (Integer) rs.getObject("walks_per_week", Integer.class), rs.getInt("minutes_min"),
                            rs.getInt("minutes_max"), rs.getString("surfaces"),
                            (Integer) rs.getObject("step_target", Integer.class), rs.getString("guidance"));
                    OffsetDateTime at = rs.getObject("proposal_at", OffsetDateTime.class);
                    Proposal proposal = rs.getString("proposal_kind") == null ? null
                            : new Proposal(rs.getString("proposal_kind"), rs.getString("proposal_reason"), at.toInstant());
                    return new Row(rs.getLong("id"), rs.getString("template"), rs.getString("status"),
                            rs.getInt("current_phase"), rs.getObject("start_date", LocalDate.class),
                            rs.getObject("phase_started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                            rs.getString("pause_reason"), phase, proposal);
                })
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.getFirst();
        List<Phase> phases = rows.stream().map(Row::phase).filter(java.util.Objects::nonNull).toList();
        return Optional.of(new PlanView(first.id(), first.template(), first.status(), first.currentPhase(),
                first.start(), first.phaseStarted(), first.endedOn(), first.pauseReason(), phases, first.proposal()));
    }

    private List<Day> days(long patientId, PlanView plan, LocalDate from, LocalDate to) {
        LocalDate queryFrom = from.minusDays(6); // the 7-day mean of the first shown day looks back 6 days
        record Raw(LocalDate date, Integer pain, Integer steps, int minutes, int walks) {
        }
        List<Raw> raw = jdbc.sql("""
                        with pain as (
                            select distinct on (ci.date) ci.date, ci.overall_pain
                            from check_in ci
                            where ci.patient_id = :id and ci.overall_pain is not null and ci.date between :from and :to
                            order by ci.date, ci.id desc),
                        steps as (
                            select distinct on (ci.date) ci.date, ci.steps
                            from check_in ci
                            where ci.patient_id = :id and ci.steps is not null and ci.date between :from and :to
                            order by ci.date, ci.id desc),
                        walked as (
                            select w.date, sum(w.minutes) as minutes, count(*) as walks
                            from walk w
                            where w.patient_id = :id and w.date between :from and :to
                            group by w.date)
                        select cast(g.day as date) as day, pain.overall_pain, steps.steps,
                               coalesce(walked.minutes, 0) as minutes, coalesce(walked.walks, 0) as walks
                        from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as g(day)
                        left join pain on pain.date = cast(g.day as date)
                        left join steps on steps.date = cast(g.day as date)
                        left join walked on walked.date = cast(g.day as date)
                        order by g.day
                        """)
                .param("id", patientId).param("from", queryFrom).param("to", to)
                .query((rs, n) -> new Raw(rs.getObject("day", LocalDate.class),
                        (Integer) rs.getObject("overall_pain", Integer.class),
                        (Integer) rs.getObject("steps", Integer.class), rs.getInt("minutes"), rs.getInt("walks")))
                .list();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Raw r = raw.get(i);
            if (r.date().isBefore(from)) {
                continue;
            }
            int sum = 0;
            int count = 0;
            for (int j = Math.max(0, i - 6); j <= i; j++) {
                if (raw.get(j).pain() != null) {
                    sum += raw.get(j).pain();
                    count++;
                }
            }
            Phase phase = plan == null ? null : PrescriptionTimeline.phaseOn(plan, r.date());
            days.add(new Day(r.date(), r.pain(), count == 0 ? null : (double) sum / count, r.steps(), r.minutes(),
                    r.walks(), phase == null ? null : phase.dailyMinutes(), phase == null ? null : phase.stepTarget()));
        }
        return days;
    }

    private List<FlagItem> flags(long patientId) {
        return jdbc.sql("""
                        select f.id, f.code, f.tier, f.status, f.raised_at,
                               cast(f.raised_at at time zone c.time_zone as date) as raised_on, f.basis,
                               (select count(*) from flag_evidence fe where fe.flag_id = f.id) as evidence
                        from flag f join clinic c on c.id = f.clinic_id
                        where f.patient_id = :id
                        order by f.raised_at desc, f.id desc
                        limit :limit
                        """)
                .param("id", patientId).param("limit", FLAG_LIMIT)
                .query((rs, n) -> new FlagItem(rs.getLong("id"), rs.getString("code"),
                        OpenTier.valueOf(rs.getString("tier")), rs.getString("status"),
                        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("raised_on", LocalDate.class), rs.getString("basis"), rs.getInt("evidence")))
                .list();
    }

    private static WalkPoint walk(ResultSet rs) throws SQLException {
        return new WalkPoint(rs.getObject("date", LocalDate.class), rs.getInt("position"), rs.getInt("minutes"),
                rs.getString("surface"), rs.getInt("pain_before"), rs.getInt("pain_after"), rs.getBoolean("sharp_pain"),
                (Integer) rs.getObject("steps", Integer.class));
    }
}
