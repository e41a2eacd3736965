package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.clinical.Surface;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** Assigning, editing (optimistic locking), the plan lifecycle, the surgery lock and the history. */
@WalkRxTest
class PlanServiceTest extends SpringTest {

    static final LocalDate DAY = LocalDate.of(2027, 5, 3);

    @Autowired
    PlanService plans;
    @Autowired
    TodayPlanService todayPlans;
    @Autowired
    PlanControl control;

    long clinic;
    TestData.User clinician;
    long patient;

    /** On {@link #DAY}: a clinician of a clinic of their own, logged in, and a patient on their care team. */
    private void onDayWithPatient() {
        onDayWithPatient(null, null);
    }

    /** {@link #onDayWithPatient()} with a patient "Ola {@code family}" operated on that date. */
    private void onDayWithPatient(String family, LocalDate surgeryDate) {
        clock.setDate(DAY);
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        patient = family == null ? data.patient(clinic, clinician)
                : data.patient(clinic, "Ola", family, surgeryDate, clinician);
        clinician.login();
    }

    private PlanView standardPlan() {
        onDayWithPatient();
        return plans.assign(clinician.caller(), patient, Template.STANDARD, DAY, true, null);
    }

    private long changes() {
        return plans.history(clinician.caller(), patient, 0, 1000).size();
    }

    private static PhaseEdit minutes(PhaseView phase, int min, int max) {
        PhaseEdit e = PhaseEdit.of(phase);
        return new PhaseEdit(e.minDays(), e.walksPerDay(), e.walksPerWeek(), min, max, e.surfaces(), e.stepTarget(),
                e.timing(), e.guidance());
    }

    @Test
    void two_concurrent_edits_of_one_plan_one_wins_the_other_is_told_and_the_history_shows_one_change()
            throws Exception {
        PlanView plan = standardPlan();
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        jdbc.sql("insert into care_team_member (patient_id, clinician_id, clinic_id) values (?, ?, ?)")
                .params(patient, colleague.id(), clinic).update();
        long before = changes();
        PhaseView two = plan.phases().get(1);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<PlanView>> results = new ArrayList<>();
            for (TestData.User editor : List.of(clinician, colleague)) {
                int max = editor == clinician ? 25 : 30;
                Callable<PlanView> edit = () -> {
                    editor.login();
                    try {
                        start.await();
                        return plans.editPhase(editor.caller(), patient, plan.version(), 2, minutes(two, 15, max));
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                };
                results.add(pool.submit(edit));
            }
            start.countDown();
            int won = 0;
            List<Throwable> lost = new ArrayList<>();
            for (Future<PlanView> f : results) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).isEqualTo(1);
            assertThat(lost).hasSize(1);
            assertThat(lost.getFirst()).isInstanceOf(ConflictException.class);
            assertThat(((ConflictException) lost.getFirst()).code()).isEqualTo("CONCURRENT_EDIT");
            assertThat(lost.getFirst().getMessage()).contains("Someone else changed this plan");
        } finally {
            pool.shutdownNow();
        }
        clinician.login();
        assertThat(changes()).isEqualTo(before + 1);
        PlanView after = plans.get(clinician.caller(), patient).orElseThrow();
        assertThat(after.phases().get(1).minutesMax()).isIn(25, 30);
        assertThat(after.version()).isGreaterThan(plan.version());
        String summary = plans.history(clinician.caller(), patient, 0, 1).getFirst().summary();
        assertThat(summary).isEqualTo("Phase 2: minutes 15-20 -> 15-" + after.phases().get(1).minutesMax() + ".");
    }

    @Test
    void an_edit_against_an_old_version_is_refused_and_names_the_change_that_came_first() {
        PlanView plan = standardPlan();
        PhaseView two = plan.phases().get(1);
        PlanView first = plans.editPhase(clinician.caller(), patient, plan.version(), 2, minutes(two, 20, 25));
        long afterFirst = changes();

        assertThatThrownBy(() -> plans.editPhase(clinician.caller(), patient, plan.version(), 2, minutes(two, 15, 30)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Phase 2: minutes 15-20 -> 20-25");

        assertThat(changes()).isEqualTo(afterFirst);
        PlanView again = plans.editPhase(clinician.caller(), patient, first.version(), 2, minutes(two, 15, 30));
        assertThat(again.phases().get(1).minutesMin()).isEqualTo(15);
        assertThat(again.phases().get(1).minutesMax()).isEqualTo(30);
    }

    @Test
    void every_number_of_a_phase_can_be_changed_and_the_history_says_what_changed() {
        PlanView plan = standardPlan();
        PhaseEdit edit = new PhaseEdit(10, null, 4, 20, 25, Set.of(Surface.FLAT, Surface.INCLINE), 6000,
                "after breakfast", "No hills yet.");

        PlanView after = plans.editPhase(clinician.caller(), patient, plan.version(), 1, edit);

        PhaseView one = after.phases().getFirst();
        assertThat(one.minDays()).isEqualTo(10);
        assertThat(one.walksPerDay()).isNull();
        assertThat(one.walksPerWeek()).isEqualTo(4);
        assertThat(one.minutesMin()).isEqualTo(20);
        assertThat(one.minutesMax()).isEqualTo(25);
        assertThat(one.surfaces()).containsExactly(Surface.FLAT, Surface.INCLINE);
        assertThat(one.stepTarget()).isEqualTo(6000);
        assertThat(one.timing()).isEqualTo("after breakfast");
        assertThat(one.guidance()).isEqualTo("No hills yet.");
        PlanChangeView change = plans.history(clinician.caller(), patient, 0, 1).getFirst();
        assertThat(change.by()).isEqualTo(clinician.displayName());
        assertThat(change.summary()).contains("minimum days 14 -> 10", "walks 3 a day -> 4 a week",
                "minutes 10 -> 20-25", "surfaces flat ground -> flat ground or gentle inclines",
                "step target from baseline -> 6,000", "timing \"ideally before meals\" -> \"after breakfast\"");
    }

    @Test
    void invalid_phase_numbers_name_their_fields_and_change_nothing() {
        PlanView plan = standardPlan();
        long before = changes();
        PhaseEdit bad = new PhaseEdit(0, 11, null, 0, 301, Set.of(), 100_001, null, "x".repeat(2001));

        assertThatThrownBy(() -> plans.editPhase(clinician.caller(), patient, plan.version(), 1, bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly("minDays", "walksPerDay", "minutesMin", "minutesMax", "surfaces",
                                "stepTarget", "guidance"));
        PhaseEdit minAboveMax = new PhaseEdit(14, 3, null, 20, 10, Set.of(Surface.FLAT), null, "", "");
        assertThatThrownBy(() -> plans.editPhase(clinician.caller(), patient, plan.version(), 1, minAboveMax))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("minutesMax"));
        assertThat(changes()).isEqualTo(before);
        assertThat(plans.get(clinician.caller(), patient).orElseThrow().version()).isEqualTo(plan.version());
    }

    @Test
    void a_draft_is_edited_before_activation_and_activation_starts_phase_1_today() {
        onDayWithPatient();
        PlanView draft = plans.assign(clinician.caller(), patient, Template.ACUTE, DAY, false, null);
        assertThat(draft.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(draft.currentPhase()).isZero();
        PlanView edited = plans.editPhase(clinician.caller(), patient, draft.version(), 0,
                minutes(draft.phases().getFirst(), 4, 6));

        PlanView active = plans.activate(clinician.caller(), patient, edited.version(), null);

        assertThat(active.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(active.phaseStartedOn()).isEqualTo(DAY);
        assertThat(active.phases().getFirst().minutesMin()).isEqualTo(4);
        assertThatThrownBy(() -> plans.activate(clinician.caller(), patient, active.version(), null))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void pause_resume_and_end_are_kept_in_the_history() {
        PlanView plan = standardPlan();

        PlanView paused = plans.pause(clinician.caller(), patient, plan.version(), "Holiday with a cold");
        assertThat(paused.status()).isEqualTo(PlanStatus.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo("Holiday with a cold");
        PlanView resumed = plans.resume(clinician.caller(), patient, paused.version());
        assertThat(resumed.status()).isEqualTo(PlanStatus.ACTIVE);
        PlanView auto = plans.setAutoAdvance(clinician.caller(), patient, resumed.version(), true);
        assertThat(auto.autoAdvance()).isTrue();
        plans.end(clinician.caller(), patient, auto.version());

        assertThat(plans.get(clinician.caller(), patient)).isEmpty();
        assertThat(plans.history(clinician.caller(), patient, 0, 10)).extracting(PlanChangeView::summary)
                .containsExactly("Plan ended.", "Auto-advance switched on.", "Plan resumed.",
                        "Plan paused: Holiday with a cold", "Plan activated; phase 1 from " + DAY + ".",
                        "Plan assigned: Standard progression, starting " + DAY + ".");
    }

    @Test
    void a_flag_pauses_the_plan_as_the_system_and_the_patient_sees_advice_instead_of_a_prescription() {
        standardPlan();
        TestData.User patientUser = data.patientUser(clinic, patient);

        assertThat(control.pauseForFlag(patient, "FEVER", "Fever reported on " + DAY + ".")).isTrue();
        assertThat(control.pauseForFlag(patient, "FEVER", "again")).isTrue();

        PlanControl.PlanState state = control.livePlan(patient).orElseThrow();
        assertThat(state.status()).isEqualTo(PlanStatus.PAUSED);
        PlanChangeView change = plans.history(clinician.caller(), patient, 0, 1).getFirst();
        assertThat(change.by()).isEqualTo("WalkRx (automatic)");
        assertThat(change.summary()).isEqualTo("Plan paused because a FEVER flag was raised: Fever reported on " + DAY
                + ".");
        patientUser.login();
        TodayPlan today = todayPlans.today(patientUser.caller());
        assertThat(today.planStatus()).isEqualTo(PlanStatus.PAUSED);
        assertThat(today.prescription()).isNull();
        assertThat(today.advice()).isNotEmpty();

        clinician.login();
        PlanView resumed = plans.resume(clinician.caller(), patient,
                plans.get(clinician.caller(), patient).orElseThrow().version());
        assertThat(resumed.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(resumed.pausedForFlag()).isNull();
    }

    @Test
    void pausing_without_a_live_plan_reports_no_pause() {
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, clinician);
        assertThat(control.pauseForFlag(patient, "FEVER", "x")).isFalse();
        assertThat(control.livePlan(patient)).isEmpty();
        control.proposeStepBack(patient, "nothing to step back from");
    }

    @Test
    void a_step_back_is_proposed_with_its_reason_and_one_click_moves_back_a_phase() {
        standardPlan();
        PlanView phase2 = advanceByHand();
        assertThat(phase2.currentPhase()).isEqualTo(2);

        control.proposeStepBack(patient, "Pain rose after 3 of the last 5 walks (PAIN_WORSENS_WITH_WALKING).");
        control.proposeStepBack(patient, "duplicate");

        PlanView withProposal = plans.get(clinician.caller(), patient).orElseThrow();
        assertThat(withProposal.proposal().kind()).isEqualTo(ProposalKind.STEP_BACK);
        assertThat(withProposal.proposal().reason())
                .isEqualTo("Pain rose after 3 of the last 5 walks (PAIN_WORSENS_WITH_WALKING). Proposed: back to phase 1.");
        PlanView back = plans.confirmProposal(clinician.caller(), patient, withProposal.version(),
                withProposal.proposal().id());
        assertThat(back.currentPhase()).isEqualTo(1);
        assertThat(back.proposal()).isNull();
        assertThat(plans.history(clinician.caller(), patient, 0, 1).getFirst().summary())
                .isEqualTo("Step back confirmed: from phase 2 to phase 1.");
    }

    @Test
    void a_step_back_in_the_first_phase_shortens_the_walks() {
        PlanView plan = standardPlan();
        control.proposeStepBack(patient, "Sharp pain on a walk.");
        PlanView proposed = plans.get(clinician.caller(), patient).orElseThrow();
        assertThat(proposed.proposal().toPhase()).isEqualTo(1);

        PlanView shorter = plans.confirmProposal(clinician.caller(), patient, proposed.version(),
                proposed.proposal().id());

        assertThat(shorter.currentPhase()).isEqualTo(1);
        assertThat(shorter.phases().getFirst().minutesMin()).isEqualTo(5);
        assertThat(shorter.phases().getFirst().minutesMax()).isEqualTo(5);
        assertThat(plan.phases().getFirst().minutesMin()).isEqualTo(10);
    }

    @Test
    void a_declined_proposal_is_gone_and_a_decided_one_cannot_be_decided_again() {
        standardPlan();
        control.proposeStepBack(patient, "Sharp pain on a walk.");
        PlanView proposed = plans.get(clinician.caller(), patient).orElseThrow();

        PlanView declined = plans.declineProposal(clinician.caller(), patient, proposed.version(),
                proposed.proposal().id());

        assertThat(declined.proposal()).isNull();
        assertThat(declined.phases().getFirst().minutesMin()).isEqualTo(10);
        assertThatThrownBy(() -> plans.confirmProposal(clinician.caller(), patient, declined.version(),
                proposed.proposal().id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void post_surgery_phases_unlock_once_the_clearance_is_on_record() {
        onDayWithPatient("Op", DAY.minusWeeks(3));
        assertThat(plans.clearanceProblem(clinician.caller(), patient, Template.POST_SURGERY)).isPresent();
        PlanView draft = plans.assign(clinician.caller(), patient, Template.POST_SURGERY, DAY, false, null);
        assertThat(draft.phases()).allMatch(PhaseView::locked);
        assertThatThrownBy(() -> plans.activate(clinician.caller(), patient, draft.version(), " "))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("SURGERY_CLEARANCE_MISSING"));

        jdbc.sql("update patient set surgeon_clearance_date = ?, surgeon_clearance_limits = 'No hills for 4 weeks' "
                + "where id = ?").params(java.sql.Date.valueOf(DAY), patient).update();
        PlanView unlocked = plans.get(clinician.caller(), patient).orElseThrow();

        assertThat(unlocked.phases()).noneMatch(PhaseView::locked);
        assertThat(plans.history(clinician.caller(), patient, 0, 1).getFirst().summary())
                .contains("Phases unlocked", "No hills for 4 weeks");
        assertThat(plans.activate(clinician.caller(), patient, unlocked.version(), null).status())
                .isEqualTo(PlanStatus.ACTIVE);
    }

    @Test
    void an_advance_into_a_locked_phase_is_refused() {
        onDayWithPatient("Locked", DAY.minusWeeks(3));
        plans.assign(clinician.caller(), patient, Template.POST_SURGERY, DAY, true, "Surgeon agreed by phone");
        long proposalId = pendingAdvance();
        PlanView plan = plans.get(clinician.caller(), patient).orElseThrow();

        assertThatThrownBy(() -> plans.confirmProposal(clinician.caller(), patient, plan.version(), proposalId))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("PHASE_LOCKED"));
    }

    @Test
    void someone_elses_patient_is_not_found() {
        standardPlan();
        long otherClinic = data.clinic();
        TestData.User stranger = data.staff(otherClinic, Role.CLINICIAN);
        stranger.login();
        assertThatThrownBy(() -> plans.get(stranger.caller(), patient)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> plans.history(stranger.caller(), patient, 0, 10)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> plans.assign(stranger.caller(), patient, Template.STANDARD, null, true, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCESS_DENIED' and user_id = ?")
                .params(stranger.id()).query(Long.class).single()).isEqualTo(3);
    }

    /** A pending proposal to advance the live plan from phase 1 to 2, as progression would leave it: its id. */
    private long pendingAdvance() {
        long planId = control.livePlan(patient).orElseThrow().planId();
        long proposalId = jdbc.sql("select nextval('plan_proposal_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into plan_proposal (id, plan_id, kind, reason, status, from_phase, to_phase)
                values (?, ?, 'ADVANCE', 'test', 'PENDING', 1, 2)""").params(proposalId, planId).update();
        return proposalId;
    }

    /** Moves the plan to phase 2 through a confirmed proposal, as a clinician would. */
    private PlanView advanceByHand() {
        long proposalId = pendingAdvance();
        PlanView plan = plans.get(clinician.caller(), patient).orElseThrow();
        return plans.confirmProposal(clinician.caller(), patient, plan.version(), proposalId);
    }
}
