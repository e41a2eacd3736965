package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Role;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chart header: the facts a clinician needs first, and recording the surgeon's clearance. */
@WalkRxTest
class PatientHeaderTest extends BrowserlessTest {

    @Autowired
    PatientService patients;

    TestData.User clinician;
    long patient;

    @BeforeEach
    void setUp() {
        clock.setDate(LocalDate.of(2026, 11, 29));
        long clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        patient = data.patient(clinic, "Tomás", "Fischer", LocalDate.of(2026, 10, 20), clinician);
    }

    PatientHeader show(TestData.User user) {
        user.login();
        if (user.role() == Role.CLINICIAN) {
            navigate(EnrolPatientView.class);
        } else {
            navigate(ActivationView.class);
        }
        PatientHeader header = new PatientHeader(patients, user.caller(), patient);
        UI.getCurrent().add(header);
        return header;
    }

    @Test
    void the_header_shows_age_condition_onset_surgery_and_the_missing_clearance() {
        PatientHeader header = show(clinician);
        String text = header.getElement().getTextRecursively();
        assertThat(text).contains("Tomás Fischer").contains("Age: 56").contains("Chronic lower back pain")
                .contains("Chronic: since 01/01/2025").contains("Surgery: 20/10/2026")
                .contains("missing: no walking plan until it is recorded");
        assertThat($(Span.class, header).withClassName("clearance-missing").exists()).isTrue();
    }

    @Test
    void a_clinician_on_the_care_team_records_the_clearance_in_a_dialog() {
        PatientHeader header = show(clinician);
        List<PatientRecord> changes = new ArrayList<>();
        header.addChangeListener(changes::add);

        test($(Button.class, header).withClassName("record-clearance").single()).click();
        test($(DatePicker.class).withId("clearance-date").single()).setValue(LocalDate.of(2026, 11, 30));
        test($(Button.class).withClassName("save-clearance").single()).click();
        assertThat($(DatePicker.class).withId("clearance-date").single().getErrorMessage())
                .isEqualTo("The date must not be in the future.");

        test($(DatePicker.class).withId("clearance-date").single()).setValue(LocalDate.of(2026, 11, 20));
        test($(TextArea.class).withId("clearance-limits").single()).setValue("no hills for 4 weeks");
        test($(Button.class).withClassName("save-clearance").single()).click();

        assertThat(header.getElement().getTextRecursively())
                .contains("Surgeon's clearance: 20/11/2026, limits: no hills for 4 weeks");
        assertThat(changes).singleElement().extracting(PatientRecord::surgeonClearanceDate)
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void a_clearance_saved_meanwhile_by_someone_else_is_not_overwritten() {
        PatientHeader header = show(clinician);
        test($(Button.class, header).withClassName("record-clearance").single()).click();
        test($(DatePicker.class).withId("clearance-date").single()).setValue(LocalDate.of(2026, 11, 21));

        patients.recordClearance(clinician.caller(), patient, LocalDate.of(2026, 11, 20), "no hills");
        test($(Button.class).withClassName("save-clearance").single()).click();

        assertThat(test($(Notification.class).last()).getText()).contains("Someone else changed");
        assertThat(header.patient().surgeonClearanceDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(header.getElement().getTextRecursively()).contains("limits: no hills");
    }

    @Test
    void the_patient_and_colleagues_off_the_team_see_no_buttons_and_strangers_nothing() {
        TestData.User self = data.patientUser(clinician.clinicId(), patient);
        PatientHeader own = show(self);
        assertThat($(Button.class, own).exists()).isFalse();

        TestData.User stranger = data.staff(data.clinic(), Role.CLINICIAN);
        stranger.login();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PatientHeader(patients, stranger.caller(), patient))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_new_activation_code_is_issued_only_after_confirming() {
        PatientHeader header = show(clinician);
        test($(Button.class, header).withClassName("new-activation-code").single()).click();

        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Issue a new activation code for Tomás Fischer?");
        assertThat($(Span.class).withClassName("activation-code").exists()).as("nothing issued yet").isFalse();
        test(confirm).confirm();

        assertThat($(Span.class).withClassName("activation-code").single().getText())
                .matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
    }
}
