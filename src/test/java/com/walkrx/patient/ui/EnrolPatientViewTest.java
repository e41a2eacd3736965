package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.walkrx.base.security.Role;
import com.walkrx.patient.Condition;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The enrolment form: field-level messages from the service, and the code shown once on success. */
@WalkRxTest
class EnrolPatientViewTest extends BrowserlessTest {

    TestData.User clinician;

    @BeforeEach
    void setUp() {
        clock.setDate(LocalDate.of(2026, 11, 29));
        clinician = data.staff(data.clinic(), Role.CLINICIAN);
        clinician.login();
    }

    // The view is a Spring proxy (method security), so its parts are found by id, as a user finds them on screen.
    TextField text(String id) {
        return $(TextField.class).withId(id).single();
    }

    DatePicker date(String id) {
        return $(DatePicker.class).withId(id).single();
    }

    @SuppressWarnings("unchecked")
    Select<Condition> condition() {
        return $(Select.class).withId("condition").single();
    }

    @SuppressWarnings("unchecked")
    RadioButtonGroup<com.walkrx.patient.Acuity> acuity() {
        return $(RadioButtonGroup.class).withId("acuity").single();
    }

    void enrol() {
        test($(Button.class).withId("enrol").single()).click();
    }

    @Test
    void the_date_of_birth_picker_opens_fifty_years_before_the_clinics_today_from_the_injected_clock() {
        jdbc.sql("update clinic set time_zone = 'Pacific/Auckland' where id = ?").param(clinician.clinicId()).update();
        clock.setInstant(java.time.Instant.parse("2030-03-14T20:00:00Z")); // 15 March, 09:00 in Auckland

        navigate(EnrolPatientView.class);

        assertThat(date("dateOfBirth").getInitialPosition()).isEqualTo(LocalDate.of(1980, 3, 15));
    }

    @Test
    void a_clinician_sees_enrol_patient_in_the_navigation() {
        navigate(EnrolPatientView.class);
        assertThat($(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList()).contains("Enrol patient");
    }

    @Test
    void an_enrolled_patient_gets_a_code_shown_once_with_instructions() {
        var view = navigate(EnrolPatientView.class);
        test(text("givenName")).setValue("Ada");
        test(text("familyName")).setValue("Byrne");
        test(date("dateOfBirth")).setValue(LocalDate.of(1961, 4, 2));
        test(condition()).selectItem(Condition.SCIATICA.label());
        test(acuity()).selectItem("Chronic");
        test(date("onsetDate")).setValue(LocalDate.of(2026, 6, 1));
        enrol();

        Span code = $(Span.class).withId("activation-code").single();
        assertThat(code.getText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Ada Byrne is enrolled").contains("/activate")
                .contains("valid until 13/12/2026");
        assertThat($(TextField.class).withId("givenName").exists()).isFalse();
        assertThat(jdbc.sql("select count(*) from care_team_member m join patient p on p.id = m.patient_id "
                        + "where m.clinician_id = ? and p.family_name = 'Byrne'")
                .param(clinician.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void problems_are_shown_on_their_fields_and_nothing_is_stored() {
        long before = data.count("patient");
        var view = navigate(EnrolPatientView.class);
        test(text("givenName")).setValue("Ada");
        test(date("dateOfBirth")).setValue(LocalDate.of(2026, 11, 29));
        test(acuity()).selectItem("Acute (episode under 6 weeks old)");
        test(date("surgeryDate")).setValue(LocalDate.of(2026, 10, 20));
        test(date("surgeonClearanceDate")).setValue(LocalDate.of(2026, 10, 19));
        enrol();

        assertThat(text("givenName").isInvalid()).isFalse();
        assertThat(text("familyName").isInvalid()).isTrue();
        assertThat(text("familyName").getErrorMessage()).isEqualTo("Family name is required.");
        assertThat(date("dateOfBirth").getErrorMessage()).isEqualTo("Date of birth must be in the past.");
        assertThat(condition().isInvalid()).isTrue();
        assertThat(date("onsetDate").getErrorMessage()).isEqualTo("Onset date is required for acute pain.");
        assertThat(date("surgeonClearanceDate").getErrorMessage()).isEqualTo("Surgeon's clearance date must not be before the surgery date.");
        assertThat(data.count("patient")).isEqualTo(before);

        // Fixing the fields clears the messages and enrols.
        test(text("familyName")).setValue("Byrne");
        test(date("dateOfBirth")).setValue(LocalDate.of(1961, 4, 2));
        test(condition()).selectItem(Condition.HERNIATED_DISC.label());
        test(date("onsetDate")).setValue(LocalDate.of(2026, 11, 20));
        test(date("surgeonClearanceDate")).setValue(LocalDate.of(2026, 11, 10));
        enrol();
        assertThat($(Span.class).withId("activation-code").exists()).isTrue();
        assertThat(data.count("patient")).isEqualTo(before + 1);
    }
}
