package com.walkrx.clinic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.clinic.UserSummary;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff e-mail addresses, where escalations reach them: set at invitation or later on the Staff page. */
@WalkRxTest
class StaffEmailTest extends BrowserlessTest {

    private TestData.AdminClinic scene;

    @BeforeEach
    void adminOfAClinic() {
        scene = data.adminClinic();
    }

    @Test
    void an_admin_sets_a_clinicians_e_mail_address_and_it_is_stored_shown_and_audited() {
        TestData.User clinician = scene.clinician();
        EmailField email = openEmailDialog(clinician);
        assertThat(email.getMaxLength()).isEqualTo(254);
        email.setValue("  priya.shah@clinic.example ");
        test($(Button.class).withClassName("save-staff-email").single()).click();

        assertThat(storedEmail(clinician.id())).isEqualTo("priya.shah@clinic.example");
        assertThat(test(grid()).getCellText(rowOf(clinician), 2)).isEqualTo("priya.shah@clinic.example");
        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'MANAGED_USER' "
                        + "order by id desc limit 1").param(scene.admin().id()).query(String.class).single())
                .isEqualTo("set the e-mail address of " + clinician.username()
                        + " from none to priya.shah@clinic.example");
    }

    @Test
    void a_malformed_address_is_refused_on_the_field_and_nothing_changes() {
        TestData.User clinician = scene.clinician();
        EmailField email = openEmailDialog(clinician);
        email.setValue("priya at clinic");
        test($(Button.class).withClassName("save-staff-email").single()).click();

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("E-mail must be an e-mail address such as name@example.org");
        assertThat(storedEmail(clinician.id())).isNull();
    }

    @Test
    void an_invitation_can_carry_the_e_mail_address() {
        scene.admin().login();
        navigate(StaffView.class);
        String username = "mail-" + System.nanoTime();

        test($(Button.class).withClassName("invite-button").single()).click();
        $(TextField.class).withLabel("Full name").single().setValue("Dr Mail New");
        $(TextField.class).withLabel("Username").single().setValue(username);
        $(EmailField.class).withClassName("staff-email").single().setValue("mail.new@clinic.example");
        test($(Button.class).withClassName("create-staff").single()).click();

        assertThat($(Div.class).withClassName("one-time-code").exists()).isTrue();
        assertThat(jdbc.sql("select email from app_user where username = ?").param(username).query(String.class)
                .single()).isEqualTo("mail.new@clinic.example");
    }

    /** As the scene's admin, on the Staff page: the e-mail dialog of the user's row. */
    private EmailField openEmailDialog(TestData.User user) {
        scene.admin().login();
        navigate(StaffView.class);
        test(emailButtonOf(user)).click();
        return $(EmailField.class).withClassName("staff-email").single();
    }

    private String storedEmail(long userId) {
        return jdbc.sql("select email from app_user where id = ?").param(userId).query(String.class).optional()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Grid<UserSummary> grid() {
        return $(Grid.class).single();
    }

    private int rowOf(TestData.User user) {
        for (int i = 0; i < test(grid()).size(); i++) {
            if (test(grid()).getRow(i).id() == user.id()) {
                return i;
            }
        }
        throw new AssertionError("no row for " + user.username());
    }

    private Button emailButtonOf(TestData.User user) {
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout)
                test(grid()).getCellComponent(rowOf(user), "actions");
        return $(Button.class, actions).withClassName("email-button").single();
    }
}
