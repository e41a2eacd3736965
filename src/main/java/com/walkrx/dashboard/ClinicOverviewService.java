package com.walkrx.dashboard;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import com.walkrx.dashboard.OverviewStats.Adherence;
import com.walkrx.dashboard.OverviewStats.Outcome;
import com.walkrx.dashboard.OverviewStats.PhaseCount;
import com.walkrx.patient.PatientAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic overview: five aggregate queries over the caller's patients, whatever their number. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClinicOverviewService {

    /** The article's expected course at the weeks the overview reports (walking-plans.md). */
    static final Map<Integer, String> EXPECTED = Map.of(
            2, "1-2 weeks: less stiffness",
            4, "3-4 weeks: noticeable strength and pain reduction",
            8, "6-8 weeks: significant improvement",
            12, "3+ months: lasting, preventive benefit");

    /**
     * Mean change from baseline at plan weeks 2, 4, 8 and 12 (week k = plan days 7(k-1) to 7k-1) and how many
     * reached the clinically important improvement, tested in whole numbers as {@link PainChange} does.
     */
    static final String OUTCOMES = """
            with scoped as (
                select p.id,
                       coalesce((select min(bp.start_date) from plan bp where bp.patient_id = p.id and bp.status <> 'DRAFT'),
                                (select min(fc.date) from check_in fc where fc.patient_id = p.id)) as start
                from patient p
                where %s
            ),
            daily as (
                select distinct on (ci.patient_id, ci.date) ci.patient_id, ci.date - s.start as day_no,
                       ci.overall_pain as pain
                from scoped s
                join check_in ci on ci.patient_id = s.id
                where ci.overall_pain is not null and ci.date >= s.start and ci.date < s.start + 84
                order by ci.patient_id, ci.date, ci.id desc
            ),
            numbered as (
                select d.*, row_number() over (partition by d.patient_id order by d.day_no) as rn from daily d
            ),
            baseline as (
                select patient_id, sum(pain) as bsum, count(*) as bn from numbered where rn <= 7 group by patient_id
            ),
            weekly as (
                select patient_id, day_no / 7 + 1 as week, sum(pain) as wsum, count(*) as wn
                from daily
                where day_no / 7 + 1 in (2, 4, 8, 12)
                group by patient_id, day_no / 7 + 1
            ),
            joined as (
                select w.week, b.bsum, b.bn, w.wsum, w.wn, b.bsum * w.wn - w.wsum * b.bn as scaled
                from weekly w join baseline b using (patient_id)
            )
            select g.week, count(j.week) as patients,
                   avg(j.wsum::numeric / j.wn - j.bsum::numeric / j.bn) as mean_change,
                   count(j.week) filter (where j.scaled > 0 and (j.scaled >= 2 * j.bn * j.wn
                                                              or 10 * j.scaled >= 3 * j.bsum * j.wn)) as reached
            from unnest(array[2, 4, 8, 12]) as g(week)
            left join joined j on j.week = g.week
            group by g.week
            order by g.week
            """.formatted(PatientAccess.SCOPE_SQL);

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    /** The overview of the caller's patients: an admin's clinic, a clinician's care teams. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public OverviewStats overview(Caller caller) {
        audit.record(caller, AuditAction.LISTED_PATIENTS, null, true, "clinic overview");
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> scope = PatientAccess.scopeParams(caller);
        long[] counts = jdbc.sql("""
                        select count(*) as patients,
                               count(*) filter (where pl.status = 'ACTIVE') as active,
                               count(*) filter (where pl.status = 'PAUSED') as paused,
                               count(*) filter (where exists (select 1 from check_in ci where ci.patient_id = p.id
                                                              and ci.date > cast(:today as date) - 7
                                                              and ci.date <= cast(:today as date))) as recent
                        from patient p
                        left join plan pl on pl.patient_id = p.id and pl.status <> 'ENDED'
                        where """ + " " + PatientAccess.SCOPE_SQL)
                .params(scope).param("today", today)
                .query((rs, n) -> new long[] {rs.getLong("patients"), rs.getLong("active"), rs.getLong("paused"),
                        rs.getLong("recent")})
                .single();
        long[] flags = jdbc.sql("""
                        select count(distinct f.patient_id) as patients,
                               count(*) filter (where f.tier = 'URGENT') as urgent,
                               count(*) filter (where f.tier = 'HIGH') as high,
                               count(*) filter (where f.tier = 'ADVISORY') as advisory
                        from flag f
                        join patient p on p.id = f.patient_id
                        where f.status = 'OPEN' and """ + " " + PatientAccess.SCOPE_SQL)
                .params(scope)
                .query((rs, n) -> new long[] {rs.getLong("patients"), rs.getLong("urgent"), rs.getLong("high"),
                        rs.getLong("advisory")})
                .single();
        List<PhaseCount> phases = jdbc.sql("""
                        select pl.current_phase as phase, count(*) as patients
                        from patient p
                        left join plan pl on pl.patient_id = p.id and pl.status in ('ACTIVE', 'PAUSED')
                        where """ + " " + PatientAccess.SCOPE_SQL + """
                        group by pl.current_phase
                        order by pl.current_phase nulls last
                        """)
                .params(scope)
                .query((rs, n) -> new PhaseCount((Integer) rs.getObject("phase", Integer.class), rs.getLong("patients")))
                .list();
        Adherence adherence = jdbc.sql(CaseloadService.ranked(caller) + """
                        select count(*) filter (where adherence < 0.5) as below50,
                               count(*) filter (where adherence >= 0.5 and adherence < 0.8) as mid,
                               count(*) filter (where adherence >= 0.8) as high,
                               count(*) filter (where adherence is null) as none
                        from ranked
                        """)
                .params(CaseloadService.params(caller, CaseloadFilter.TRIAGE, today))
                .query((rs, n) -> new Adherence(rs.getLong("below50"), rs.getLong("mid"), rs.getLong("high"),
                        rs.getLong("none")))
                .single();
        List<Outcome> outcomes = jdbc.sql(OUTCOMES)
                .params(scope)
                .query((rs, n) -> {
                    BigDecimal mean = rs.getBigDecimal("mean_change");
                    int week = rs.getInt("week");
                    return new Outcome(week, rs.getLong("patients"), mean == null ? null : mean.doubleValue(),
                            rs.getLong("reached"), EXPECTED.get(week));
                })
                .list();
        return new OverviewStats(caller.isAdmin(), counts[0], counts[1], counts[2], counts[3], flags[0], flags[1],
                flags[2], flags[3], phases, adherence, outcomes);
    }
}
