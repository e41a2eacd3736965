package com.walkrx.plan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.base.security.Role;
import com.walkrx.plan.PhaseEdit;
import com.walkrx.plan.PhaseView;
import com.walkrx.plan.PlanChangeView;
import com.walkrx.plan.PlanControl;
import com.walkrx.plan.PlanService;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.plan.PlanView;
import com.walkrx.plan.Template;
import com.walkrx.support.MutableClock;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The clinician's plan panel on the route patients/:id/plan, without a browser. */
@WalkRxTest
class PlanPanelTest extends SpringBrowserlessTest {

    static final LocalDate DAY = LocalDate.of(2027, 9, 6);

    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    PlanService plans;
    @Autowired
    PlanControl control;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long clinic;
    TestData.User clinician;
    long patient;

    private void patient(LocalDate surgery) {
        clock.setDate(DAY);
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, "Ada", "Panel", surgery, clinician);
        clinician.login();
    }

    private PlanPanel open() {
        navigate("patients/" + patient + "/plan", PatientPlanView.class);
        return $(PlanPanel.class).single();
    }

    private Button button(String className) {
        return $(Button.class).withClassName(className).single();
    }

    @SuppressWarnings("unchecked")
    private Grid<PhaseView> phases() {
        return $(Grid.class).withClassName("phase-grid").single();
    }

    @SuppressWarnings("unchecked")
    private Grid<PlanChangeView> history() {
        return $(Grid.class).withClassName("plan-history").single();
    }

    @Test
    void a_clinician_assigns_a_plan_sees_its_phases_and_edits_one() {
        patient(null);
        PlanPanel panel = open();
        assertThat($(Paragraph.class).withText("No walking plan yet.").exists()).isTrue();

        test(button("assign-activate")).click();

        assertThat(panel.plan().status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(test(phases()).size()).isEqualTo(3);
        assertThat(test(phases()).getCellText(1, 3)).isEqualTo("15-20 min");
        test((Button) test(phases()).getCellComponent(1, "edit")).click();
        PhaseEditDialog dialog = $(PhaseEditDialog.class).single();
        dialog.minutesMax.setValue(25);
        dialog.guidance.setValue("Easy pace; stop if the leg pain spreads.");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(phases()).getCellText(1, 3)).isEqualTo("15-25 min");
        assertThat(test(history()).getRow(0).summary()).startsWith("Phase 2: minutes 15-20 -> 15-25; guidance");
        assertThat(test(history()).getRow(0).by()).isEqualTo(clinician.displayName());
    }

    @Test
    void a_concurrent_change_keeps_the_clinicians_entries_and_says_who_changed_what() {
        patient(null);
        plans.assign(clinician.caller(), patient, Template.STANDARD, DAY, true, null);
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        jdbc.sql("insert into care_team_member (patient_id, clinician_id, clinic_id) values (?, ?, ?)")
                .params(patient, colleague.id(), clinic).update();
        open();
        test((Button) test(phases()).getCellComponent(1, "edit")).click();
        PhaseEditDialog dialog = $(PhaseEditDialog.class).single();
        dialog.minutesMax.setValue(30);

        colleague.login();
        PlanView current = plans.get(colleague.caller(), patient).orElseThrow();
        PhaseEdit theirs = PhaseEdit.of(current.phases().get(1));
        plans.editPhase(colleague.caller(), patient, current.version(), 2, new PhaseEdit(theirs.minDays(),
                3, null, theirs.minutesMin(), theirs.minutesMax(), theirs.surfaces(), theirs.stepTarget(),
                theirs.timing(), theirs.guidance()));
        clinician.login();
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.problem.isVisible()).isTrue();
        assertThat(dialog.problem.getText()).contains(colleague.displayName(), "Phase 2: walks 2 a day -> 3 a day",
                "Your entries are still here");
        assertThat(dialog.minutesMax.getValue()).isEqualTo(30);
        assertThat(dialog.walks.getValue()).isEqualTo(3);
        assertThat(test(phases()).getCellText(1, 2)).isEqualTo("3 a day");

        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        PlanView after = plans.get(clinician.caller(), patient).orElseThrow();
        // Nothing is lost: the clinician's minutes and the colleague's walks per day.
        assertThat(after.phases().get(1).minutesMax()).isEqualTo(30);
        assertThat(after.phases().get(1).walksPerDay()).isEqualTo(3);
    }

    @Test
    void a_clinician_outside_the_care_team_and_a_mistyped_address_get_the_record_not_found_page() {
        patient(null);
        data.staff(clinic, Role.CLINICIAN).login();

        navigate("patients/" + patient + "/plan", com.walkrx.base.ui.RecordNotFoundView.class);
        assertThat($(PlanPanel.class).exists()).isFalse();
        navigate("patients/not-a-number/plan", com.walkrx.base.ui.RecordNotFoundView.class);
    }

    @Test
    void an_admin_reads_the_plan_without_buttons_to_change_it() {
        patient(null);
        plans.assign(clinician.caller(), patient, Template.STANDARD, DAY, true, null);
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        admin.login();

        open();

        assertThat(test(phases()).size()).isEqualTo(3);
        assertThat(phases().getColumnByKey("edit")).isNull();
        assertThat($(Button.class).withClassName("pause-plan").exists()).isFalse();
        assertThat($(Button.class).withClassName("end-plan").exists()).isFalse();
        assertThat(test(history()).size()).isPositive();
    }

    @Test
    void activating_after_recent_surgery_explains_why_and_needs_an_override_reason() {
        patient(DAY.minusWeeks(2));
        PlanPanel panel = open();

        assertThat($(Div.class).withClassName("plan-surgery").single().getText())
                .contains("within the last 12 weeks", "no surgeon's clearance");
        test(button("assign-activate")).click();
        assertThat(panel.plan()).isNull();

        $(TextArea.class).withClassName("override-reason").single().setValue("Surgeon cleared by phone today");
        test(button("assign-activate")).click();

        assertThat(panel.plan().status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(panel.plan().overrideReason()).isEqualTo("Surgeon cleared by phone today");
        assertThat($(Div.class).withClassName("plan-note").first().getText()).contains("Surgeon cleared by phone today");
    }

    @Test
    void a_proposal_is_shown_with_its_reason_and_confirmed_with_one_click() {
        patient(null);
        plans.assign(clinician.caller(), patient, Template.STANDARD, DAY, true, null);
        control.proposeStepBack(patient, "Sharp pain on a walk.");
        PlanPanel panel = open();
        assertThat($(Div.class).withClassName("plan-proposal").single().getElement().getTextRecursively())
                .contains("Proposed: shorter walks in phase 1", "Sharp pain on a walk.");

        test(button("confirm-proposal")).click();

        assertThat(panel.plan().proposal()).isNull();
        assertThat(panel.plan().phases().getFirst().minutesMax()).isEqualTo(5);
        assertThat($(Div.class).withClassName("plan-proposal").exists()).isFalse();
    }

    @Test
    void pause_and_resume_from_the_panel() {
        patient(null);
        plans.assign(clinician.caller(), patient, Template.STANDARD, DAY, true, null);
        PlanPanel panel = open();

        test(button("pause-plan")).click();
        $(TextArea.class).withClassName("pause-reason").single().setValue("Waiting for the GP");
        test(button("confirm-pause")).click();
        assertThat(panel.plan().status()).isEqualTo(PlanStatus.PAUSED);
        assertThat($(Div.class).withClassName("plan-paused").single().getText()).contains("Waiting for the GP");

        test(button("resume-plan")).click();
        assertThat(panel.plan().status()).isEqualTo(PlanStatus.ACTIVE);
    }

    @Test
    void the_panel_writes_dates_as_the_clinic_does_and_its_date_picker_starts_on_monday() {
        patient(null);
        plans.assign(clinician.caller(), patient, Template.STANDARD, LocalDate.of(2027, 11, 29), false, null);
        clock.setInstant(java.time.Instant.parse("2027-09-06T10:15:00Z"));
        PlanPanel panel = open();

        String text = panel.getElement().getTextRecursively();
        assertThat($(com.vaadin.flow.component.html.Span.class).withClassName("plan-summary").single().getText())
                .endsWith("starts 29/11/2027");
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(test(history()).getCellText(0, 0)).matches("06/09/2027, \\d{2}:\\d{2}");
        DatePicker start = $(DatePicker.class).withClassName("start-date").first();
        assertThat(start.getI18n().getFirstDayOfWeek()).as("Monday first").isEqualTo(1);
        assertThat(start.getI18n().getDateFormats()).first().isEqualTo("dd/MM/yyyy");
    }

    @Test
    void a_clinic_in_the_united_states_reads_month_first_and_sunday_first() {
        patient(null);
        jdbc.sql("update clinic set locale = 'en-US' where id = ?").param(clinic).update();
        plans.assign(clinician.caller(), patient, Template.STANDARD, LocalDate.of(2027, 11, 29), false, null);
        open();

        assertThat($(com.vaadin.flow.component.html.Span.class).withClassName("plan-summary").single().getText())
                .endsWith("starts 11/29/2027");
        assertThat($(DatePicker.class).withClassName("start-date").first().getI18n().getFirstDayOfWeek()).isZero();
    }
}
