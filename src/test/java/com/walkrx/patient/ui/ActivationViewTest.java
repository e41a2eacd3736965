package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.walkrx.base.security.Role;
import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import com.walkrx.patient.EnrolmentCommand;
import com.walkrx.patient.PatientService;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The activation page: clear messages per field, and a way to log in once the login exists. */
@WalkRxTest
class ActivationViewTest extends BrowserlessTest {

    @Autowired
    PatientService patients;

    String newCode() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        clinician.login();
        String code = patients.enrol(clinician.caller(), new EnrolmentCommand("Ada", "Byrne", LocalDate.of(1961, 4, 2),
                Condition.SCIATICA, Acuity.CHRONIC, null, null, null, null)).activationCode().code();
        SecurityContextHolder.clearContext();
        return code;
    }

    @Test
    void mismatched_passwords_are_caught_before_the_code_is_used() {
        String code = newCode();
        ActivationView view = navigate(ActivationView.class);
        test(view.code).setValue(code);
        test(view.username).setValue("ada-view-" + System.nanoTime());
        test(view.password).setValue("slow walks by the river");
        test(view.confirm).setValue("slow walks by the rivers");
        test(view.create).click();
        assertThat(view.confirm.isInvalid()).isTrue();
        assertThat(view.confirm.getErrorMessage()).contains("not the same");

        test(view.confirm).setValue("slow walks by the river");
        test(view.create).click();
        assertThat($(Anchor.class).withId("login-link").single().getHref()).isEqualTo("login");
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Your login is ready");
    }

    @Test
    void a_wrong_code_and_a_common_password_are_named_on_their_fields() {
        ActivationView view = navigate(ActivationView.class);
        test(view.code).setValue("AAAA-BBBB-CCCC");
        test(view.username).setValue("ada-view-" + System.nanoTime());
        test(view.password).setValue("Password1234");
        test(view.confirm).setValue("Password1234");
        test(view.create).click();
        assertThat(view.code.getErrorMessage()).startsWith("The code is not valid");
        assertThat(view.password.getErrorMessage()).isEqualTo("The password is too common and easy to guess; choose a phrase of your own.");
        assertThat(view.username.isInvalid()).isFalse();
    }

    @Test
    void a_taken_username_is_shown_on_the_username_field() {
        String code = newCode();
        ActivationView view = navigate(ActivationView.class);
        test(view.code).setValue(code);
        test(view.username).setValue("demo-clinician-1");
        test(view.password).setValue("slow walks by the river");
        test(view.confirm).setValue("slow walks by the river");
        test(view.create).click();
        assertThat(view.username.getErrorMessage()).contains("already taken");
    }

    @Test
    void a_code_in_the_link_is_filled_in() {
        // ActivationLinkFilter took the code out of /activate?code=... and kept it in the session
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                .setAttribute(ActivationLinkFilter.SESSION_KEY, "K7QX-3MPA-9TRW");
        com.vaadin.flow.component.UI.getCurrent().navigate(ActivationView.class);
        ActivationView view = (ActivationView) getCurrentView();
        assertThat(view.code.getValue()).isEqualTo("K7QX-3MPA-9TRW");
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                .getAttribute(ActivationLinkFilter.SESSION_KEY)).as("used once").isNull();
    }
}
