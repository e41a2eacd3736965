package com.walkrx.outcome.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.base.security.Role;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.Template;
import com.walkrx.plan.ui.TodayView;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The patient's questionnaires on "today", one question per screen, without a browser. */
@WalkRxTest
class DueQuestionnairesTest extends BrowserlessTest {

    static final LocalDate DAY = LocalDate.of(2027, 11, 1);

    @Autowired
    PlanService plans;

    long patient;

    @BeforeEach
    void patientWithPlan() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, clinician);
        TestData.User patientUser = data.patientUser(clinic, patient);
        clinician.login();
        plans.assign(clinician.caller(), patient, Template.STANDARD, DAY, true, null);
        patientUser.login();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Integer> answer() {
        return (RadioButtonGroup<Integer>) $(RadioButtonGroup.class).id("q-answer");
    }

    private String question() {
        return $(Paragraph.class).id("q-question").getText();
    }

    private long stored() {
        return jdbc.sql("select count(*) from questionnaire_response where patient_id = ?").params(patient)
                .query(Long.class).single();
    }

    @Test
    void the_peg_is_asked_one_question_per_screen_above_the_prescription_and_scored() {
        navigate("today", TodayView.class);
        TodayView view = $(TodayView.class).single();
        int questionnaires = view.indexOf($(DueQuestionnaires.class).single());
        int prescription = view.getChildren().toList().indexOf($(Div.class).withClassName("today-content").single());
        assertThat(questionnaires).isLessThan(prescription);
        assertThat($(Div.class).id("questionnaire-PEG").getElement().getTextRecursively()).contains("due today");
        assertThat($(Div.class).id("questionnaire-PSFS").isVisible()).isTrue();

        test($(Button.class).id("start-PEG")).click();
        assertThat(question()).isEqualTo("What number best describes your pain on average in the past week?");
        assertThat($(Div.class).id("questionnaire-form").getElement().getTextRecursively()).contains("Krebs");
        test($(Button.class).id("q-next")).click(); // nothing chosen: stays, field marked
        assertThat(answer().isInvalid()).isTrue();
        assertThat(question()).contains("on average in the past week");

        test(answer()).selectItem("5");
        test($(Button.class).id("q-next")).click();
        assertThat(question()).contains("enjoyment of life");
        test(answer()).selectItem("4");
        test($(Button.class).id("q-next")).click();
        assertThat(question()).contains("general activity");
        assertThat($(Button.class).withId("q-next").exists()).isFalse(); // the last question: send instead
        test(answer()).selectItem("4");
        test($(Button.class).id("q-submit")).click();

        assertThat($(Paragraph.class).id("questionnaire-saved").getText()).contains("4.3");
        assertThat($(Div.class).withId("questionnaire-PEG").exists()).isFalse();
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void an_answer_the_server_refuses_is_shown_on_its_screen_and_nothing_is_stored() {
        navigate("today", TodayView.class);
        test($(Button.class).id("start-PEG")).click();
        test(answer()).selectItem("5");
        test($(Button.class).id("q-next")).click();
        test(answer()).selectItem("4");
        test($(Button.class).id("q-next")).click();
        test($(Button.class).id("q-submit")).click(); // the last question unanswered: the server names it

        assertThat(question()).contains("general activity");
        assertThat(answer().isInvalid()).isTrue();
        assertThat(answer().getErrorMessage()).isEqualTo("Please answer this question");
        assertThat($(Paragraph.class).id("q-error").getText()).contains("Nothing was saved");
        assertThat(stored()).isZero();
    }

    @Test
    void the_psfs_baseline_names_three_activities_and_may_add_more() {
        navigate("today", TodayView.class);
        test($(Button.class).id("start-PSFS")).click();
        String[] names = {"walking to the shop", "putting on socks", "lifting my grandson"};
        for (int i = 0; i < 3; i++) {
            test($(TextField.class).id("q-activity-name")).setValue(names[i]);
            test(answer()).selectItem(String.valueOf(i + 2));
            if (i < 2) {
                test($(Button.class).id("q-next")).click();
            }
        }
        assertThat($(Button.class).id("q-add-activity").isVisible()).isTrue();
        test($(Button.class).id("q-submit")).click();

        assertThat($(Paragraph.class).id("questionnaire-saved").getText()).contains("3.0");
        assertThat(jdbc.sql("select answers::text from questionnaire_response where patient_id = ?").params(patient)
                .query(String.class).single()).contains("putting on socks");
    }
}
