package com.walkrx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.checkin.CheckInRecorded;
import com.walkrx.support.WalkRxTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Progression off the check-in's write path: which check-ins mark a plan as due, one due row per patient,
 * claims that skip what another instance is claiming, and the evaluation the job runs.
 */
@WalkRxTest
class ProgressionPendingTest extends ProgressionFixture {

    @Autowired
    ProgressionPending pending;

    private long patientWithPlanFrom(LocalDate start) {
        return patientOnPlan(start, Template.STANDARD);
    }

    private void checkIn(long patient, LocalDate day) {
        tx.executeWithoutResult(s -> {
            long id = Logged.checkIn(jdbc, clinic, patient, day, 3, null, 10);
            events.publishEvent(new CheckInRecorded(clinic, patient, id, day));
        });
    }

    private long due(long patient) {
        return jdbc.sql("select count(*) from progression_pending where patient_id = ?").param(patient)
                .query(Long.class).single();
    }

    @Test
    void a_check_in_before_the_phase_minimum_has_passed_needs_no_evaluation() {
        LocalDate start = LocalDate.of(2029, 3, 5);
        long patient = patientWithPlanFrom(start);
        clock.setDate(start.plusDays(13)); // phase 1 of STANDARD lasts at least 14 days
        checkIn(patient, start.plusDays(13));
        assertThat(due(patient)).isZero();
    }

    @Test
    void check_ins_after_the_minimum_mark_the_patient_due_once_and_the_job_proposes_the_next_phase() {
        LocalDate start = LocalDate.of(2029, 4, 2);
        long patient = patientWithPlanFrom(start);
        Logged.phaseOneDays(jdbc, clinic, patient, start, start.plusDays(13));
        clock.setDate(start.plusDays(14));
        checkIn(patient, start.plusDays(14));
        checkIn(patient, start.plusDays(14));
        assertThat(due(patient)).isEqualTo(1);
        // Not yet due: a patient's check-ins of one session make one evaluation.
        assertThat(pending.claim(clock.instant(), 100)).doesNotContain(patient);

        schedule.runPending(clock.instant().plus(ProgressionPending.DELAY));

        assertThat(due(patient)).isZero();
        assertThat(plans.get(clinician.caller(), patient).orElseThrow().proposal().toPhase()).isEqualTo(2);
    }

    @Test
    void a_check_in_without_an_active_plan_needs_no_evaluation() {
        LocalDate day = LocalDate.of(2029, 5, 7);
        clock.setDate(day);
        clinic = data.clinic();
        long patient = data.patient(clinic, data.staff(clinic, Role.CLINICIAN));
        checkIn(patient, day);
        assertThat(due(patient)).isZero();
    }

    @Test
    void a_due_patient_another_instance_is_claiming_is_skipped_not_waited_for() throws Exception {
        LocalDate start = LocalDate.of(2029, 6, 4);
        long first = patientWithPlanFrom(start);
        long second = data.patient(clinic, clinician);
        plans.assign(clinician.caller(), second, Template.STANDARD, start, true, null);
        clock.setDate(start.plusDays(20));
        checkIn(first, start.plusDays(20));
        checkIn(second, start.plusDays(20));
        var dueBy = clock.instant().plus(ProgressionPending.DELAY);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement(
                    "select patient_id from progression_pending where patient_id = ? for update")) {
                s.setLong(1, first);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            List<Long> claimed = pending.claim(dueBy, 100);
            assertThat(claimed).contains(second).doesNotContain(first);
            other.rollback();
        }
        assertThat(pending.claim(dueBy, 100)).contains(first);
        assertThat(due(first) + due(second)).isZero();
    }
}
