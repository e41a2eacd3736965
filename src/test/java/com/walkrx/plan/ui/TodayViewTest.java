package com.walkrx.plan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.walkrx.base.clinical.Surface;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.walkrx.plan.Logged;
import com.walkrx.plan.PlanControl;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.Template;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The patient's "today" page, without a browser. */
@WalkRxTest
class TodayViewTest extends BrowserlessTest {

    static final LocalDate DAY = LocalDate.of(2027, 10, 4);

    @Autowired
    PlanService plans;
    @Autowired
    PlanControl control;

    long clinic;
    long patient;

    private void patientWithPlan(boolean plan) {
        clock.setDate(DAY);
        TestData.CareTeam team = data.careTeam();
        clinic = team.clinic();
        patient = team.patient();
        if (plan) {
            team.clinician().login();
            plans.assign(team.clinician().caller(), patient, Template.STANDARD, DAY, true, null);
        }
        team.patientUser().login();
    }

    @Test
    void the_patient_sees_todays_walks_in_plain_words_what_is_logged_and_the_guidance() {
        patientWithPlan(true);
        Logged.checkIn(jdbc, clinic, patient, DAY, 4, null, 10);

        navigate("today", TodayView.class);

        assertThat($(Paragraph.class).withClassName("today-words").single().getText())
                .isEqualTo("3 walks of 10 minutes, flat ground, ideally before meals");
        assertThat($(Paragraph.class).withClassName("today-logged").single().getText())
                .isEqualTo("Logged so far today: 1 walk, 10 minutes.");
        assertThat($(Paragraph.class).withClassName("today-steps").exists()).isFalse();
        assertThat($(Div.class).withClassName("today-guidance").single().getElement().getTextRecursively())
                .contains("Flat surfaces first", "rope from your feet", "Walking poles", "Sharp or worsening pain");
        assertThat($(Div.class).withClassName("today-stop").single().getElement().getTextRecursively())
                .contains("Seek emergency medical care today", "Contact your doctor or therapist");
        assertThat($(Div.class).withId("check-in-slot").exists()).isTrue();
    }

    @Test
    void a_plan_paused_by_a_flag_shows_the_advice_instead_of_a_prescription() {
        patientWithPlan(true);
        control.pauseForFlag(patient, "FEVER", "Fever reported.");

        navigate("today", TodayView.class);

        assertThat($(H3.class).withText("Your walking plan is paused").exists()).isTrue();
        assertThat($(Div.class).withClassName("today-paused").single().getElement().getTextRecursively()).contains("paused for your safety");
        assertThat($(Paragraph.class).withClassName("today-words").exists()).isFalse();
    }

    @Test
    void without_a_plan_the_patient_gets_a_friendly_explanation() {
        patientWithPlan(false);

        navigate("today", TodayView.class);

        assertThat($(Div.class).withClassName("today-none").single().getElement().getTextRecursively())
                .contains("has not set up a walking plan for you yet");
    }

    private boolean guidanceOpen(String className) {
        return $(Details.class).withClassName("today-details").all().stream()
                .filter(d -> d.getParent().orElseThrow().hasClassName(className)).findFirst().orElseThrow().isOpened();
    }

    @Test
    void the_guidance_is_open_the_first_time_and_folded_on_later_visits_until_it_changes() {
        patientWithPlan(true);

        navigate("today", TodayView.class);
        assertThat(guidanceOpen("today-guidance")).as("first view").isTrue();
        assertThat(guidanceOpen("today-stop")).as("first view").isTrue();

        navigate("today", TodayView.class);
        assertThat(guidanceOpen("today-guidance")).as("second visit").isFalse();
        assertThat(guidanceOpen("today-stop")).as("second visit").isFalse();
        assertThat($(Div.class).withClassName("today-guidance").single().getElement().getTextRecursively())
                .as("still there, one tap away").contains("Flat surfaces first");
        assertThat(jdbc.sql("select count(*) from guidance_seen where patient_id = ?").param(patient)
                .query(Long.class).single()).as("kept in the database: every device and instance agrees").isOne();

        // What another phase or the clinician's own guidance does: the text seen open is no longer the text shown.
        jdbc.sql("update guidance_seen set content_hash = 'earlier guidance' where patient_id = ?").param(patient)
                .update();
        navigate("today", TodayView.class);
        assertThat(guidanceOpen("today-guidance")).as("changed guidance is shown open once").isTrue();
    }

    @Test
    void a_walk_as_prescribed_is_filled_in_but_pain_is_never() {
        patientWithPlan(true);

        navigate("today", TodayView.class);

        assertThat($(IntegerField.class).id("walk-minutes").getValue()).isEqualTo(10);
        assertThat($(RadioButtonGroup.class).id("walk-surface").getValue()).isEqualTo(Surface.FLAT);
        assertThat($(RadioButtonGroup.class).id("walk-pain-before").getValue()).isNull();
        assertThat($(RadioButtonGroup.class).id("walk-pain-after").getValue()).isNull();
        assertThat($(RadioButtonGroup.class).id("walk-sharp-pain").getValue()).isNull();
    }
}
