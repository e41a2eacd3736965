package com.walkrx.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.checkin.ProbeEvaluator;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check-in form on the patient's Today page, without a browser. */
@WalkRxTest
class CheckInFormTest extends TodayCheckInTest {

    @BeforeEach
    void patientOnToday() {
        openTodayOn(LocalDate.of(2026, 11, 29));
        assertThat($(CheckInForm.class).exists()).isTrue();
    }

    @AfterEach
    void disarm() {
        ProbeEvaluator.disarm(patient);
    }

    private long stored() {
        return jdbc.sql("select count(*) from check_in where patient_id = ?").param(patient).query(Long.class).single();
    }

    @Test
    void a_logged_walk_is_stored_and_shown_back() {
        saveWalk(12, "Flat ground", "5", "3", "No");

        assertThat(stored()).isEqualTo(1);
        String result = result("walk-result");
        assertThat(result).contains("Saved. Thank you!", "Walk: 12 min, flat ground, pain 5 before, 3 after");
        assertThat($(IntegerField.class).id("walk-minutes").getValue()).as("form cleared for the next walk").isNull();
    }

    @Test
    void an_incomplete_walk_marks_each_missing_answer_and_stores_nothing() {
        $(IntegerField.class).id("walk-minutes").setValue(301); // typed: the field does not stop the thumb
        test(group("walk-pain-before")).selectItem("5");
        test($(Button.class).id("save-walk")).click();

        assertThat(stored()).isZero();
        assertThat($(IntegerField.class).id("walk-minutes").isInvalid()).isTrue();
        assertThat($(IntegerField.class).id("walk-minutes").getErrorMessage()).isEqualTo("Must be between 1 and 300");
        assertThat(group("walk-surface").isInvalid()).isTrue();
        assertThat(group("walk-pain-after").isInvalid()).isTrue();
        assertThat(group("walk-sharp-pain").isInvalid()).isTrue();
        assertThat(group("walk-pain-before").isInvalid()).isFalse();
        assertThat($(Paragraph.class).withClassName("checkin-error").single().getText())
                .isEqualTo("Please check the answers marked in red.");
    }

    @Test
    void the_daily_check_in_needs_pain_and_every_symptom_answer() {
        test(group("day-pain")).selectItem("4");
        test(group("symptom-numbness")).selectItem("None");
        test($(Button.class).id("save-day")).click();
        assertThat(stored()).isZero();
        assertThat(group("symptom-bladder").isInvalid()).isTrue();
        assertThat(group("symptom-bladder").getErrorMessage()).isEqualTo("Please answer this question");

        answerAllClear();
        test($(IntegerField.class).id("day-steps")).setValue(5400);
        test($(TextArea.class).id("day-notes")).setValue("Stiff in the morning");
        test($(Button.class).id("save-day")).click();

        assertThat(stored()).isEqualTo(1);
        assertThat(group("symptom-bladder").isInvalid()).isFalse();
        String result = result("day-result");
        assertThat(result).contains("Saved. Thank you!", "Back pain: 4 out of 10", "Steps: 5,400",
                "Warning symptoms: none", "Stiff in the morning");
    }

    @Test
    void the_daily_check_in_reports_warning_symptoms_back_in_plain_words() {
        test(group("day-pain")).selectItem("6");
        answerAllClear();
        test(group("symptom-bladder")).selectItem("Yes");
        test(group("symptom-weakness")).selectItem("Getting worse");
        test(group("symptom-both-legs")).selectItem("No"); // asked now that there is weakness
        test($(Button.class).id("save-day")).click();

        assertThat(stored()).isEqualTo(1);
        String bladder = jdbc.sql("select bladder_bowel_problems::text || ' ' || leg_weakness from check_in where patient_id = ?")
                .param(patient).query(String.class).single();
        assertThat(bladder).isEqualTo("true WORSENING");
        String result = result("day-result");
        assertThat(result).contains("leg weakness (getting worse)", "new bladder or bowel problems");
    }

    @Test
    void advice_raised_by_the_check_in_is_shown_first_and_the_paused_plan_is_explained() {
        ProbeEvaluator.arm(patient, ProbeEvaluator.Behaviour.RAISE);
        saveWalk(10, "Hills", "3", "8", "Yes");

        com.vaadin.flow.component.html.Div advice = $(com.vaadin.flow.component.html.Div.class)
                .withClassName("checkin-advice").single();
        assertThat(advice.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(advice.hasClassName("advice-HIGH")).isTrue();
        assertThat(advice.getElement().getTextRecursively()).contains("Please read this now",
                ProbeEvaluator.PROBE_FLAG.patientMessage(), "Your walking plan is paused");
        String result = result("walk-result");
        assertThat(result.indexOf("Please read this now")).isLessThan(result.indexOf("Saved. Thank you!"));
        assertThat(result).contains("sharp pain");
    }

    /** Fills in every answer of the walk form and saves it. */
    private void saveWalk(int minutes, String surface, String painBefore, String painAfter, String sharpPain) {
        test($(IntegerField.class).id("walk-minutes")).setValue(minutes);
        test(group("walk-surface")).selectItem(surface);
        test(group("walk-pain-before")).selectItem(painBefore);
        test(group("walk-pain-after")).selectItem(painAfter);
        test(group("walk-sharp-pain")).selectItem(sharpPain);
        test($(Button.class).id("save-walk")).click();
    }

    /** The text of the result panel with that id. */
    private String result(String id) {
        return $(com.vaadin.flow.component.html.Div.class).id(id).getElement().getTextRecursively();
    }

    private void answerAllClear() {
        test(group("symptom-numbness")).selectItem("None");
        test(group("symptom-weakness")).selectItem("None");
        // "In both legs?" is asked only after numbness or weakness (LightCheckInTest).
        for (String id : new String[] {"symptom-saddle", "symptom-bladder", "symptom-fever",
                "symptom-weight-loss", "symptom-injury"}) {
            test(group(id)).selectItem("No");
        }
    }

    @Test
    void the_day_picker_is_the_clinics_monday_first_dd_mm_yyyy_and_the_saved_card_is_dated_so() {
        DatePicker day = $(DatePicker.class).id("checkin-date");
        assertThat(day.getI18n().getFirstDayOfWeek()).as("Monday first").isEqualTo(1);
        assertThat(day.getI18n().getDateFormats()).first().isEqualTo("dd/MM/yyyy");
        assertThat(day.getValue()).isEqualTo(LocalDate.of(2026, 11, 29));

        saveWalk(12, "Flat ground", "5", "3", "No");

        String result = result("walk-result");
        assertThat(result).contains("Sunday 29/11/2026").doesNotContain("2026-11-29");
    }
}
