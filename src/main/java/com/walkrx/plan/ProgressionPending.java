package com.walkrx.plan;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The patients whose plan is due for a progression evaluation ({@code progression_pending}): written in the
 * check-in's transaction, at most one row per patient, claimed by {@link ProgressionSchedule}'s job.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgressionPending {

    /** A check-in's evaluation waits this long, so a patient's several check-ins of a session make one. */
    static final Duration DELAY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    /**
     * Marks the patient's plan as due for evaluation, unless nothing a check-in adds can change the outcome:
     * no active plan, or a phase whose minimum length has not passed with no pending advance to withdraw (the
     * daily run evaluates every active plan anyway, so the day the minimum passes is caught). One statement,
     * no lock on the plan: a due row already there stays as it is.
     */
    void enqueue(long patientId, LocalDate today, Instant now) {
        jdbc.sql("""
                        insert into progression_pending (patient_id, due_at)
                        select pl.patient_id, :due
                        from plan pl join plan_phase ph on ph.plan_id = pl.id and ph.number = pl.current_phase
                        where pl.patient_id = :patient and pl.status = 'ACTIVE' and pl.phase_started_on is not null
                          and (pl.phase_started_on + ph.min_days <= :today
                               or exists (select 1 from plan_proposal pr where pr.plan_id = pl.id
                                          and pr.status = 'PENDING' and pr.kind = 'ADVANCE'))
                        on conflict (patient_id) do nothing
                        """)
                .param("due", Timestamp.from(now.plus(DELAY)))
                .param("patient", patientId)
                .param("today", today)
                .update();
    }

    /**
     * Takes up to {@code max} patients due by {@code dueBy} and removes their rows, in one auto-committed
     * statement: rows another instance is claiming are skipped, not waited for, and a check-in never waits
     * for an evaluation. A failed evaluation puts its patient back ({@link #retry}).
     */
    List<Long> claim(Instant dueBy, int max) {
        return jdbc.sql("""
                        delete from progression_pending
                        where patient_id in (select patient_id from progression_pending where due_at <= :dueBy
                                             order by due_at limit :max for update skip locked)
                        returning patient_id
                        """)
                .param("dueBy", Timestamp.from(dueBy))
                .param("max", max)
                .query(Long.class).list();
    }

    /** Puts a patient whose evaluation failed back, due again after {@link #DELAY}. */
    void retry(long patientId, Instant now) {
        jdbc.sql("insert into progression_pending (patient_id, due_at) values (:patient, :due) "
                        + "on conflict (patient_id) do nothing")
                .param("patient", patientId).param("due", Timestamp.from(now.plus(DELAY))).update();
    }
}
