package com.walkrx.clinic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.base.security.Role;
import com.walkrx.clinic.IssuedCode;
import com.walkrx.clinic.StaffService;
import com.walkrx.clinic.UserSummary;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The admin's staff page and the page where a one-time code becomes a password. */
@WalkRxTest
class StaffViewTest extends BrowserlessTest {

    private static final String NEW_PASSWORD = "my new walking passphrase";

    @Autowired
    StaffService staff;

    @Test
    void an_admin_invites_a_clinician_and_is_shown_the_one_time_code() {
        Grid<UserSummary> grid = staffPage(data.staff(data.clinic(), Role.ADMIN));
        String username = "new-" + System.nanoTime();

        invite("Dr Ada New", username);

        String code = $(Div.class).withClassName("one-time-code").single().getText();
        assertThat(code).matches("[2-9A-Z]{4}(-[2-9A-Z]{4}){3}");
        assertThat(test(grid).getRow(0).username()).isEqualTo(username); // "Dr Ada New" sorts first
        assertThat(staff.setPasswordWithCode(code, "a long and new passphrase", null)).isEqualTo(username);
    }

    @Test
    void an_invitation_with_a_taken_username_says_so_on_the_field() {
        TestData.User admin = data.staff(data.clinic(), Role.ADMIN);
        staffPage(admin);

        invite("Someone", admin.username());

        TextField username = $(TextField.class).withLabel("Username").single();
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("Username is already taken");
        assertThat($(Div.class).withClassName("one-time-code").exists()).isFalse();
    }

    @Test
    void an_admin_deactivates_a_clinician_after_confirming() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        Grid<UserSummary> grid = staffPage(scene.admin());
        assertThat(test(grid).getRow(1).id()).isEqualTo(clinician.id()); // "Test admin" before "Test clinician"

        ConfirmDialog confirm = openConfirmation(grid, 1, "deactivate-button", "confirm-deactivate");
        assertThat(jdbc.sql("select enabled from app_user where id = ?").param(clinician.id()).query(Boolean.class)
                .single()).as("nothing done before confirming").isTrue();
        test(confirm).confirm();

        assertThat(jdbc.sql("select enabled from app_user where id = ?").param(clinician.id()).query(Boolean.class)
                .single()).isFalse();
        assertThat(((Span) test(grid).getCellComponent(1, "status")).getText()).isEqualTo("Deactivated");
        HorizontalLayout own = (HorizontalLayout) test(grid).getCellComponent(0, "actions");
        assertThat($(Button.class, own).exists()).as("no buttons on one's own account").isFalse();
    }

    @Test
    void deactivating_the_only_clinician_of_a_flagged_patient_is_refused_with_the_reason_on_screen() {
        TestData.AdminClinic scene = data.adminClinic();
        data.flag(scene.clinic(), scene.patient(), "FEVER", "HIGH", "OPEN");
        Grid<UserSummary> grid = staffPage(scene.admin());
        test(openConfirmation(grid, 1, "deactivate-button", "confirm-deactivate")).confirm();

        assertThat(test($(Notification.class).withClassName("deactivate-refused").single()).getText())
                .contains(scene.clinician().displayName() + " is the only active clinician of 1 patient");
        assertThat(jdbc.sql("select enabled from app_user where id = ?").param(scene.clinician().id())
                .query(Boolean.class).single()).isTrue();
        assertThat(((Span) test(grid).getCellComponent(1, "status")).getText()).isEqualTo("Active");
    }

    @Test
    void an_admin_resets_a_clinicians_authenticator_only_after_confirming() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        Grid<UserSummary> grid = staffPage(scene.admin());

        ConfirmDialog confirm = openConfirmation(grid, 1, "reset-factor-button", "confirm-reset-factor");
        assertThat(test(confirm).getHeader()).isEqualTo("Reset the authenticator app of " + clinician.displayName() + "?");
        String resets = "select count(*) from audit_event where action = 'CHANGED_SECOND_FACTOR' and detail like ?";
        String detail = "reset the second factor of " + clinician.username() + "%";
        assertThat(jdbc.sql(resets).param(detail).query(Long.class).single()).as("nothing before confirming").isZero();
        test(confirm).confirm();

        assertThat(jdbc.sql(resets).param(detail).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_password_reset_shows_a_code_that_works_on_the_password_page() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        Grid<UserSummary> grid = staffPage(scene.admin());
        ConfirmDialog confirm = openConfirmation(grid, 1, "reset-button", "confirm-reset-password");
        assertThat($(Div.class).withClassName("one-time-code").exists()).as("nothing issued before confirming").isFalse();
        test(confirm).confirm();
        String code = $(Div.class).withClassName("one-time-code").single().getText();

        SecurityContextHolder.clearContext();
        setPassword(code);

        assertThat(getCurrentView()).isInstanceOf(PasswordResetView.class);
        assertThat($(Div.class).withClassName("password-reset-done").single().getElement().getTextRecursively())
                .contains("Your new password is set").contains(clinician.username());
        assertThat($(Anchor.class).id("login-link").getHref()).isEqualTo("login");
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'CHANGED_PASSWORD' and allowed")
                .param(clinician.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_reset_confirmation_issues_the_code_for_the_row_it_was_opened_for_after_the_rows_re_sort() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User admin = scene.admin();
        TestData.User clinician = scene.clinician();
        Grid<UserSummary> grid = staffPage(admin);
        assertThat(test(grid).getRow(1).id()).isEqualTo(clinician.id());

        ConfirmDialog confirm = openConfirmation(grid, 1, "reset-button", "confirm-reset-password");
        assertThat(test(confirm).getHeader()).isEqualTo("Issue a password reset code for " + clinician.displayName() + "?");
        // Meanwhile a colleague joins whose name sorts first, and the rows move down
        TestData.User newcomer = data.staff(scene.clinic(), Role.CLINICIAN);
        jdbc.sql("update app_user set display_name = 'Aaron Early' where id = ?").param(newcomer.id()).update();
        grid.getDataProvider().refreshAll();
        assertThat(test(grid).getRow(1).id()).as("row 1 is someone else now").isNotEqualTo(clinician.id());
        test(confirm).confirm();

        assertThat(jdbc.sql("select user_id from account_code where created_by = ? and used_at is null")
                .param(admin.id()).query(Long.class).list()).containsExactly(clinician.id());
        assertThat($(Div.class).withClassName("one-time-code").exists()).isTrue();
        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'MANAGED_USER' order by id")
                .param(admin.id()).query(String.class).list())
                .containsExactly("issued a password reset code for " + clinician.username());
    }

    @Test
    void a_wrong_code_is_refused_on_the_password_page() {
        setPassword("AAAA-BBBB-CCCC-DDDD");
        TextField code = $(TextField.class).withLabel("One-time code").single();

        assertThat(getCurrentView()).isInstanceOf(PasswordResetView.class);
        assertThat(code.isInvalid()).isTrue();
    }

    @Test
    void the_admin_pages_are_in_an_admins_navigation_only() {
        long clinic = data.clinic();
        data.staff(clinic, Role.ADMIN).login();
        navigate(StaffView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains("Staff", "Care teams", "Audit trail");

        data.staff(clinic, Role.CLINICIAN).login();
        UI.getCurrent().getPage().reload();
        navigate("caseload", com.walkrx.dashboard.ui.CaseloadView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .doesNotContain("Staff", "Care teams", "Audit trail");
    }

    /** The admin, logged in, on the Staff page: its grid. */
    @SuppressWarnings("unchecked")
    private Grid<UserSummary> staffPage(TestData.User admin) {
        admin.login();
        navigate(StaffView.class);
        return $(Grid.class).single();
    }

    /** The button of that class among the actions of the row. */
    private Button action(Grid<UserSummary> grid, int row, String className) {
        HorizontalLayout actions = (HorizontalLayout) test(grid).getCellComponent(row, "actions");
        return $(Button.class, actions).withClassName(className).single();
    }

    /** Clicks the button of that class in the row's actions: the confirmation dialog it opens, not yet answered. */
    private ConfirmDialog openConfirmation(Grid<UserSummary> grid, int row, String buttonClass, String dialogClass) {
        test(action(grid, row, buttonClass)).click();
        return $(ConfirmDialog.class).withClassName(dialogClass).single();
    }

    /** Fills in the invitation dialog and sends it. */
    private void invite(String fullName, String username) {
        test($(Button.class).withClassName("invite-button").single()).click();
        $(TextField.class).withLabel("Full name").single().setValue(fullName);
        $(TextField.class).withLabel("Username").single().setValue(username);
        test($(Button.class).withClassName("create-staff").single()).click();
    }

    /** On the password page: the code and the new password twice, then "set". */
    private void setPassword(String code) {
        navigate(PasswordResetView.class);
        $(TextField.class).withLabel("One-time code").single().setValue(code);
        $(PasswordField.class).withLabel("New password").single().setValue(NEW_PASSWORD);
        $(PasswordField.class).withLabel("New password again").single().setValue(NEW_PASSWORD);
        test($(Button.class).withClassName("set-password").single()).click();
    }
}
