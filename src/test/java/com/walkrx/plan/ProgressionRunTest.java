package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.cluster.ClusterLock;
import com.walkrx.checkin.CheckInRecorded;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Progression against real walks and check-ins: proposals, auto-advance, the check-in event, the daily run. */
@WalkRxTest
class ProgressionRunTest extends ProgressionFixture {

    @Autowired
    TodayPlanService todayPlans;
    @Autowired
    ProgressionRunner runner;

    long patient;

    private void standardPlanOn(LocalDate day, Template template) {
        patient = patientOnPlan(day, template);
    }

    /** A STANDARD plan from that day, with phase 1 walked as prescribed on every day up to the last one. */
    private void standardPlanWalkedThrough(LocalDate start, LocalDate lastDay) {
        standardPlanOn(start, Template.STANDARD);
        Logged.phaseOneDays(jdbc, clinic, patient, start, lastDay);
    }

    private PlanView plan() {
        return plans.get(clinician.caller(), patient).orElseThrow();
    }

    private Progression.Outcome evaluateOn(LocalDate day) {
        clock.setDate(day);
        return runner.evaluatePatient(patient, day);
    }

    @Test
    void after_14_days_of_full_adherence_phase_2_is_proposed_with_its_reason_and_confirmed_with_one_click() {
        LocalDate start = LocalDate.of(2028, 1, 3);
        standardPlanWalkedThrough(start, start.plusDays(13));

        assertThat(evaluateOn(start.plusDays(13))).isEqualTo(Progression.Outcome.STAY);
        assertThat(plan().proposal()).isNull();
        assertThat(plan().nextPhase()).contains("Minimum length: day 13 of 14.");

        assertThat(evaluateOn(start.plusDays(14))).isEqualTo(Progression.Outcome.PROPOSE_ADVANCE);
        assertThat(evaluateOn(start.plusDays(14))).isEqualTo(Progression.Outcome.STAY);
        PlanView proposed = plan();
        assertThat(proposed.proposal().kind()).isEqualTo(ProposalKind.ADVANCE);
        assertThat(proposed.proposal().toPhase()).isEqualTo(2);
        assertThat(proposed.proposal().reason()).startsWith("Ready for phase 2: 14 days in phase 1 (minimum 14); "
                + "adherence 100% over the last 7 days");
        assertThat(proposed.currentPhase()).isEqualTo(1);

        PlanView phase2 = plans.confirmProposal(clinician.caller(), patient, proposed.version(),
                proposed.proposal().id());

        assertThat(phase2.currentPhase()).isEqualTo(2);
        assertThat(phase2.phaseStartedOn()).isEqualTo(start.plusDays(14));
        // Phase 2's step target: the baseline (4,000 steps a day in the first week) + 1,000.
        assertThat(phase2.stepBaseline()).isEqualTo(4000);
        assertThat(phase2.current().stepTarget()).isEqualTo(5000);
        TestData.User patientUser = data.patientUser(clinic, patient);
        patientUser.login();
        TodayPlan today = todayPlans.today(patientUser.caller());
        assertThat(today.prescription().summary()).isEqualTo("2 walks of 15-20 minutes, flat ground");
        assertThat(today.prescription().stepTarget()).isEqualTo(5000);
    }

    @Test
    void a_declined_advance_is_not_proposed_again_for_a_week() {
        LocalDate start = LocalDate.of(2028, 2, 7);
        standardPlanWalkedThrough(start, start.plusDays(21));
        evaluateOn(start.plusDays(14));
        PlanView proposed = plan();
        plans.declineProposal(clinician.caller(), patient, proposed.version(), proposed.proposal().id());

        assertThat(evaluateOn(start.plusDays(20))).isEqualTo(Progression.Outcome.STAY);
        assertThat(plan().proposal()).isNull();
        assertThat(evaluateOn(start.plusDays(21))).isEqualTo(Progression.Outcome.PROPOSE_ADVANCE);
    }

    @Test
    void an_auto_advance_plan_moves_on_without_asking() {
        LocalDate start = LocalDate.of(2028, 3, 6);
        standardPlanOn(start, Template.STANDARD);
        plans.setAutoAdvance(clinician.caller(), patient, plan().version(), true);
        Logged.phaseOneDays(jdbc, clinic, patient, start, start.plusDays(13));

        assertThat(evaluateOn(start.plusDays(14))).isEqualTo(Progression.Outcome.ADVANCE);

        PlanView after = plan();
        assertThat(after.currentPhase()).isEqualTo(2);
        assertThat(after.proposal()).isNull();
        PlanChangeView change = plans.history(clinician.caller(), patient, 0, 1).getFirst();
        assertThat(change.by()).isEqualTo("WalkRx (automatic)");
        assertThat(change.summary()).startsWith("Advanced automatically from phase 1 to phase 2. Ready for phase 2");
    }

    @Test
    void poor_adherence_keeps_the_patient_in_the_phase_and_withdraws_a_waiting_advance() {
        LocalDate start = LocalDate.of(2028, 4, 3);
        standardPlanWalkedThrough(start, start.plusDays(13));
        evaluateOn(start.plusDays(14));
        assertThat(plan().proposal()).isNotNull();

        // Three days without walks: adherence over the last 7 days falls to 4/7 = 57%.
        assertThat(evaluateOn(start.plusDays(17))).isEqualTo(Progression.Outcome.WITHDRAW_PROPOSAL);

        assertThat(plan().proposal()).isNull();
        assertThat(plan().nextPhase()).contains("Adherence 57% over the last 7 days (needs 80%).");
    }

    @Test
    void acute_phase_0_advances_after_5_days_once_3_consecutive_check_ins_report_pain_4_or_less() {
        LocalDate start = LocalDate.of(2028, 5, 1);
        standardPlanOn(start, Template.ACUTE);
        for (int d = 0; d < 5; d++) {
            int pain = d < 3 ? 6 : 4;
            Logged.checkIn(jdbc, clinic, patient, start.plusDays(d), pain, 3000, 5, 5, 5);
        }
        assertThat(evaluateOn(start.plusDays(5))).isEqualTo(Progression.Outcome.STAY);
        assertThat(plan().nextPhase()).contains(
                "Overall pain 4 or less on 3 consecutive check-ins (so far 2).");

        Logged.checkIn(jdbc, clinic, patient, start.plusDays(5), 3, null);

        assertThat(evaluateOn(start.plusDays(5))).isEqualTo(Progression.Outcome.PROPOSE_ADVANCE);
        assertThat(plan().proposal().toPhase()).isEqualTo(1);
    }

    @Test
    void a_recorded_check_in_re_evaluates_the_plan_after_its_commit() {
        LocalDate start = LocalDate.of(2028, 6, 5);
        standardPlanWalkedThrough(start, start.plusDays(13));
        clock.setDate(start.plusDays(14));

        long checkIn = tx.execute(s -> {
            long id = Logged.checkIn(jdbc, clinic, patient, start.plusDays(14), 3, null, 10);
            events.publishEvent(new CheckInRecorded(clinic, patient, id, start.plusDays(14)));
            return id;
        });

        assertThat(checkIn).isPositive();
        // Progression runs off the check-in's write path: the check-in marked the patient as due, and the
        // job (every 30 s in the app, off in tests) evaluates due patients; here it runs explicitly.
        assertThat(schedule.runPending(clock.instant().plus(ProgressionPending.DELAY))).isGreaterThanOrEqualTo(1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long pending = 0;
        while (pending == 0 && Instant.now().isBefore(deadline)) {
            pending = jdbc.sql("""
                    select count(*) from plan_proposal p join plan l on l.id = p.plan_id
                    where l.patient_id = ? and p.status = 'PENDING'""").params(patient).query(Long.class).single();
        }
        assertThat(pending).isEqualTo(1);
        assertThat(plan().proposal().kind()).isEqualTo(ProposalKind.ADVANCE);
    }

    @Test
    void the_daily_run_is_skipped_while_another_instance_holds_the_lock_and_runs_once_a_day() throws Exception {
        LocalDate start = LocalDate.of(2031, 1, 6);
        standardPlanWalkedThrough(start, start.plusDays(13));
        clock.setDate(start.plusDays(14));

        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + ClusterLock.NAMESPACE + ", "
                    + ClusterLock.key(ProgressionSchedule.DAILY_JOB) + ")");
            try {
                assertThat(schedule.runDaily()).isFalse();
                assertThat(plan().proposal()).isNull();
            } finally {
                st.execute("select pg_advisory_unlock(" + ClusterLock.NAMESPACE + ", "
                        + ClusterLock.key(ProgressionSchedule.DAILY_JOB) + ")");
            }
        }

        assertThat(schedule.runDaily()).isTrue();
        assertThat(plan().proposal()).isNotNull();
        assertThat(schedule.runDaily()).isFalse();
        assertThat(jdbc.sql("select count(*) from plan_proposal p join plan l on l.id = p.plan_id where l.patient_id = ?")
                .params(patient).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_per_week_phase_tells_the_patient_todays_walk_and_the_week_so_far() {
        LocalDate monday = LocalDate.of(2028, 7, 3);
        standardPlanOn(monday, Template.STANDARD);
        PlanView plan = plan();
        plans.editPhase(clinician.caller(), patient, plan.version(), 1,
                new PhaseEdit(14, null, 2, 30, 30, Set.of(Surface.FLAT), null, "", ""));
        TestData.User patientUser = data.patientUser(clinic, patient);
        Logged.checkIn(jdbc, clinic, patient, monday, null, null, 30);
        Logged.checkIn(jdbc, clinic, patient, monday.plusDays(1), null, null, 30);

        clock.setDate(monday.plusDays(2));
        patientUser.login();
        TodayPlan.Prescription done = todayPlans.today(patientUser.caller()).prescription();
        assertThat(done.walks()).isZero();
        assertThat(done.walksThisWeek()).isEqualTo(2);
        assertThat(done.summary()).startsWith("Your 2 walks this week are done");

        clock.setDate(monday.plusDays(7));
        TodayPlan.Prescription nextWeek = todayPlans.today(patientUser.caller()).prescription();
        assertThat(nextWeek.walks()).isEqualTo(1);
        assertThat(nextWeek.summary()).isEqualTo("1 walk of 30 minutes today, flat ground (0 of 2 walks done this week)");
    }
}
