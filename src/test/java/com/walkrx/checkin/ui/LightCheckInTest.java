package com.walkrx.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.walkrx.base.clinical.SymptomLevel;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lighter daily check-in: "None of these" in one explicit tap, "in both legs?" only when it applies. */
@WalkRxTest
class LightCheckInTest extends TodayCheckInTest {

    static final List<String> ALWAYS_ASKED = List.of("symptom-saddle", "symptom-bladder", "symptom-fever",
            "symptom-weight-loss", "symptom-injury");

    @BeforeEach
    void patientOnToday() {
        openTodayOn(LocalDate.of(2026, 11, 30));
    }

    /** The both-legs question, found also while hidden (queries find visible components only). */
    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Boolean> bothLegs() {
        return (RadioButtonGroup<Boolean>) descendants(UI.getCurrent())
                .filter(c -> c.getId().filter("symptom-both-legs"::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(LightCheckInTest::descendants));
    }

    private Button none() {
        return $(Button.class).id("symptom-none");
    }

    private Map<String, Object> stored() {
        return jdbc.sql("""
                        select numbness_tingling, leg_weakness, both_legs, saddle_numbness, bladder_bowel_problems,
                               fever, unexplained_weight_loss, new_injury_or_fall, overall_pain
                        from check_in where patient_id = ?""").param(patient).query().singleRow();
    }

    private List<String> flags() {
        return jdbc.sql("select code from flag where patient_id = ? order by code").param(patient)
                .query(String.class).list();
    }

    @Test
    void nothing_is_pre_answered_and_none_of_these_answers_every_warning_sign_no_in_one_tap() {
        assertThat(group("symptom-numbness").getValue()).isNull();
        assertThat(group("symptom-weakness").getValue()).isNull();
        ALWAYS_ASKED.forEach(id -> assertThat(group(id).getValue()).as(id).isNull());
        assertThat(none().getElement().getAttribute("aria-pressed")).isEqualTo("false");

        test(none()).click();

        assertThat(group("symptom-numbness").getValue()).isEqualTo(SymptomLevel.NONE);
        assertThat(group("symptom-weakness").getValue()).isEqualTo(SymptomLevel.NONE);
        ALWAYS_ASKED.forEach(id -> assertThat(group(id).getValue()).as(id).isEqualTo(false));
        assertThat(bothLegs().isVisible()).as("not asked without numbness or weakness").isFalse();
        assertThat(none().getElement().getAttribute("aria-pressed")).isEqualTo("true");

        test(group("day-pain")).selectItem("3");
        test($(Button.class).id("save-day")).click();

        assertThat(stored()).containsEntry("numbness_tingling", "NONE").containsEntry("leg_weakness", "NONE")
                .containsEntry("both_legs", false).containsEntry("saddle_numbness", false)
                .containsEntry("bladder_bowel_problems", false).containsEntry("fever", false)
                .containsEntry("unexplained_weight_loss", false).containsEntry("new_injury_or_fall", false)
                .containsEntry("overall_pain", 3);
        assertThat(flags()).isEmpty();
        assertThat($(Div.class).id("day-result").getElement().getTextRecursively()).contains("Warning symptoms: none");
        assertThat(group("symptom-fever").getValue()).as("cleared for the next check-in").isNull();
        assertThat(none().getElement().getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void a_yes_after_none_of_these_is_kept_and_unpresses_it_and_the_flag_engine_still_sees_it() {
        test(none()).click();
        test(group("symptom-bladder")).selectItem("Yes");

        assertThat(none().getElement().getAttribute("aria-pressed")).isEqualTo("false");
        test(group("day-pain")).selectItem("5");
        test($(Button.class).id("save-day")).click();

        assertThat(stored()).containsEntry("bladder_bowel_problems", true).containsEntry("fever", false);
        assertThat(flags()).containsExactly("CAUDA_EQUINA_SIGNS");
        assertThat($(Div.class).withClassName("checkin-advice").single().getElement().getTextRecursively())
                .contains("Seek emergency medical care today");
    }

    @Test
    void numbness_or_weakness_asks_whether_it_is_in_both_legs_and_a_yes_raises_the_same_flag_as_before() {
        assertThat(bothLegs().isVisible()).isFalse();

        test(group("symptom-numbness")).selectItem("Same as before");
        assertThat(bothLegs().isVisible()).isTrue();
        assertThat(bothLegs().getValue()).as("asked, never pre-answered").isNull();
        test(group("symptom-both-legs")).selectItem("Yes");

        test(group("symptom-numbness")).selectItem("None");
        assertThat(bothLegs().isVisible()).isFalse();
        assertThat(bothLegs().getValue()).as("an answer to a question no longer asked").isNull();

        test(group("symptom-weakness")).selectItem("Same as before");
        assertThat(bothLegs().isVisible()).isTrue();
        test(group("symptom-both-legs")).selectItem("Yes");
        ALWAYS_ASKED.forEach(id -> test(group(id)).selectItem("No"));
        test(group("day-pain")).selectItem("4");
        test($(Button.class).id("save-day")).click();

        assertThat(stored()).containsEntry("leg_weakness", "SAME_AS_BEFORE").containsEntry("both_legs", true);
        assertThat(flags()).containsExactly("PROGRESSIVE_NEURO_DEFICIT");
    }

    @Test
    void with_numbness_the_both_legs_question_must_be_answered() {
        test(none()).click();
        test(group("symptom-numbness")).selectItem("New");
        test(group("day-pain")).selectItem("4");
        test($(Button.class).id("save-day")).click();

        assertThat(jdbc.sql("select count(*) from check_in where patient_id = ?").param(patient)
                .query(Long.class).single()).isZero();
        assertThat(group("symptom-both-legs").isInvalid()).isTrue();
        assertThat(group("symptom-both-legs").getErrorMessage()).isEqualTo("Please answer this question");
    }
}
