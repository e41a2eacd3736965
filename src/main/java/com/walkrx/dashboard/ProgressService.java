package com.walkrx.dashboard;

import com.walkrx.audit.AuditAction;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A patient's own progress page: their pain and walks since they started. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProgressService {

    private final JdbcClient jdbc;
    private final PatientAccess access;
    private final PainQueries pain;
    private final Clock clock;

    /** The calling patient's own progress. */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional(readOnly = true)
    public MyProgress mine(Caller caller) {
        if (caller.patientId() == null) {
            throw new NotFoundException("Patient");
        }
        long patientId = caller.patientId();
        access.require(caller, patientId, Need.SELF, AuditAction.VIEWED_CHECK_INS);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = pain.therapyStart(patientId);
        String givenName = jdbc.sql("select given_name from patient where id = :id").param("id", patientId)
                .query(String.class).single();
        if (start == null) {
            return new MyProgress(givenName, null, null, null, null, 0, 0, 0, 0, java.util.List.of());
        }
        PainChange change = pain.painChange(patientId, start);
        var totals = jdbc.sql("""
                        with walk_days as (
                            select w.date, sum(w.pain_after) as after_sum, count(*) as walks, sum(w.minutes) as minutes
                            from walk w
                            where w.patient_id = :id and w.date >= :start and w.date <= :today
                            group by w.date)
                        select (select sum(f.after_sum)::numeric / sum(f.walks)
                                from (select * from walk_days order by date limit 7) f) as first_after,
                               (select sum(l.after_sum)::numeric / sum(l.walks)
                                from (select * from walk_days order by date desc limit 7) l) as recent_after,
                               coalesce(sum(walks), 0) as total_walks, coalesce(sum(minutes), 0) as total_minutes,
                               coalesce(sum(walks) filter (where date > cast(:today as date) - 7), 0) as week_walks,
                               coalesce(sum(minutes) filter (where date > cast(:today as date) - 7), 0) as week_minutes
                        from walk_days
                        """)
                .param("id", patientId).param("start", start).param("today", today)
                .query((rs, n) -> new Object[] {rs.getBigDecimal("first_after"), rs.getBigDecimal("recent_after"),
                        rs.getInt("total_walks"), rs.getInt("total_minutes"), rs.getInt("week_walks"),
                        rs.getInt("week_minutes")})
                .single();
        var weeks = jdbc.sql("""
                        with pain as (
                            select distinct on (ci.date) ci.date, ci.overall_pain
                            from check_in ci
                            where ci.patient_id = :id and ci.overall_pain is not null
                              and ci.date >= :start and ci.date <= :today
                            order by ci.date, ci.id desc),
                        pain_weeks as (
                            select (date - cast(:start as date)) / 7 + 1 as week, avg(overall_pain) as mean_pain
                            from pain group by 1),
                        walk_weeks as (
                            select (w.date - cast(:start as date)) / 7 + 1 as week, avg(w.pain_after) as mean_after,
                                   count(*) as walks
                            from walk w
                            where w.patient_id = :id and w.date >= :start and w.date <= :today
                            group by 1)
                        select g.week, pw.mean_pain, ww.mean_after, coalesce(ww.walks, 0) as walks
                        from generate_series(1, (cast(:today as date) - cast(:start as date)) / 7 + 1) as g(week)
                        left join pain_weeks pw on pw.week = g.week
                        left join walk_weeks ww on ww.week = g.week
                        order by g.week
                        """)
                .param("id", patientId).param("start", start).param("today", today)
                .query((rs, n) -> new MyProgress.Week(rs.getInt("week"), start.plusWeeks(rs.getInt("week") - 1L),
                        toDouble(rs.getBigDecimal("mean_pain")), toDouble(rs.getBigDecimal("mean_after")),
                        rs.getInt("walks")))
                .list();
        return new MyProgress(givenName, start, change, toDouble((BigDecimal) totals[0]),
                toDouble((BigDecimal) totals[1]), (int) totals[2], (int) totals[3], (int) totals[4], (int) totals[5],
                weeks);
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
