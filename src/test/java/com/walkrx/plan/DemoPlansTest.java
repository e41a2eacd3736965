package com.walkrx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The seeded demo patients walk the plan of their profile, in the phase their days on the plan lead to. */
@WalkRxTest
class DemoPlansTest extends SpringTest {

    @Autowired
    PlanControl control;

    private long demoPatient(int n) {
        return data.patientOf("demo-patient-" + n);
    }

    @ParameterizedTest(name = "demo-patient-{0}: {1}, phase {2} since day {3}")
    @CsvSource({
            "1, STANDARD, 3, 28",
            "4, ACUTE, 1, 7",
            "6, POST_SURGERY, 3, 28",
            "9, STANDARD, 2, 14",
            "11, STANDARD, 2, 14",
            "12, STANDARD, 3, 28"})
    void each_demo_patient_is_in_the_phase_their_days_on_the_plan_lead_to(int n, String template, int phase,
                                                                          int phaseStartDay) {
        long patient = demoPatient(n);
        PlanControl.PlanState state = control.livePlan(patient).orElseThrow();
        assertThat(state.template().name()).isEqualTo(template);
        assertThat(state.currentPhase()).isEqualTo(phase);
        assertThat(jdbc.sql("select phase_started_on - start_date from plan where id = ?").params(state.planId())
                .query(Integer.class).single()).isEqualTo(phaseStartDay);
        assertThat(jdbc.sql("select count(*) from plan_change where plan_id = ?").params(state.planId())
                .query(Long.class).single()).isPositive();
    }

    @Test
    void the_post_surgery_demo_patient_has_clearance_and_no_locked_phase() {
        long patient = demoPatient(6);
        long planId = control.livePlan(patient).orElseThrow().planId();
        assertThat(jdbc.sql("select surgeon_clearance_date is not null from patient where id = ?").params(patient)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from plan_phase where plan_id = ? and locked").params(planId)
                .query(Long.class).single()).isZero();
    }
}
