package com.walkrx.flag;

import com.walkrx.plan.Template;
import com.walkrx.base.clinical.PlanStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.flag.FlagRecorder.Stored;
import com.walkrx.plan.PlanControl;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a raised flag does to the plan (walking-plans.md): URGENT and HIGH pause it, PAIN_WORSENS_WITH_WALKING
 * and SHARP_OR_SEVERE_PAIN propose a step back when first raised. A hand-written PlanControl records the calls.
 */
class FlagPlanActionsTest {

    /** Records what the flag module asked of the plan. */
    static final class RecordingPlanControl implements PlanControl {
        final List<String> pauses = new ArrayList<>();
        final List<String> stepBacks = new ArrayList<>();

        @Override
        public Optional<PlanState> livePlan(long patientId) {
            return Optional.of(active());
        }

        @Override
        public boolean pauseForFlag(long patientId, String flagCode, String reason) {
            pauses.add(flagCode + " | " + reason);
            return true;
        }

        @Override
        public void proposeStepBack(long patientId, String reason) {
            stepBacks.add(reason);
        }
    }

    static PlanControl.PlanState active() {
        return new PlanControl.PlanState(9, PlanStatus.ACTIVE, Template.STANDARD, 2, LocalDate.of(2026, 11, 1), false);
    }

    private static Stored stored(FlagCode code, boolean raised) {
        Flag flag = new Flag(1, 2, code, Instant.parse("2026-11-29T10:00:00Z"));
        flag.addEvidence(5L, "the detail", Instant.parse("2026-11-29T10:00:00Z"));
        return new Stored(flag, raised, !raised);
    }

    @ParameterizedTest(name = "{0}, first raised {1}: pauses {2}, proposes a step back {3}")
    @CsvSource({
            "CAUDA_EQUINA_SIGNS,        true,  true,  false",
            "PROGRESSIVE_NEURO_DEFICIT, true,  true,  false",
            "FEVER,                     true,  true,  false",
            "UNEXPLAINED_WEIGHT_LOSS,   true,  true,  false",
            "SEVERE_ACUTE_INJURY,       true,  true,  false",
            "PAIN_WORSENS_WITH_WALKING, true,  true,  true",
            "PAIN_WORSENS_WITH_WALKING, false, true,  false",  // new evidence: paused again, no second proposal
            "SURGERY_CLEARANCE_MISSING, true,  true,  false",
            "SHARP_OR_SEVERE_PAIN,      true,  false, true",
            "SHARP_OR_SEVERE_PAIN,      false, false, false",
            "PAIN_TREND_RISING,         true,  false, false",
            "MISSED_CHECK_INS,          true,  false, false",
    })
    void urgent_and_high_pause_the_plan_and_pain_with_walking_proposes_a_step_back(FlagCode code, boolean raised,
                                                                                   boolean pauses, boolean stepsBack) {
        RecordingPlanControl plan = new RecordingPlanControl();
        boolean paused = FlagEvaluator.act(plan, 2, List.of(stored(code, raised)), active());

        assertThat(paused).isEqualTo(pauses);
        assertThat(plan.pauses).hasSize(pauses ? 1 : 0);
        if (pauses) {
            assertThat(plan.pauses.getFirst()).isEqualTo(code.name() + " | " + code.label() + ": the detail");
        }
        assertThat(plan.stepBacks).hasSize(stepsBack ? 1 : 0);
    }

    @org.junit.jupiter.api.Test
    void without_a_plan_nothing_is_paused() {
        RecordingPlanControl plan = new RecordingPlanControl();
        assertThat(FlagEvaluator.act(plan, 2, List.of(stored(FlagCode.FEVER, true)), null)).isFalse();
        assertThat(plan.pauses).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_plan_paused_before_is_reported_as_paused() {
        var paused = new PlanControl.PlanState(9, PlanStatus.PAUSED, Template.STANDARD, 2, LocalDate.of(2026, 11, 1), false);
        assertThat(FlagEvaluator.act(new RecordingPlanControl(), 2, List.of(), paused)).isTrue();
        assertThat(FlagEvaluator.act(null, 2, List.of(), paused)).isTrue();
    }
}
