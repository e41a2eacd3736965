package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.data.provider.SortDirection;
import com.walkrx.base.security.Role;
import com.walkrx.base.ui.RecordNotFoundView;
import com.walkrx.patient.CareTeamMember;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's care-team page. */
@WalkRxTest
class CareTeamsViewTest extends BrowserlessTest {

    private long clinic;
    private TestData.User admin;
    private TestData.User first;
    /** Created after {@link #first}: "Test clinician n" sorts before "...n+1". */
    private TestData.User second;

    @BeforeEach
    void clinicWithTwoClinicians() {
        clinic = data.clinic();
        admin = data.staff(clinic, Role.ADMIN);
        first = data.staff(clinic, Role.CLINICIAN);
        second = data.staff(clinic, Role.CLINICIAN);
    }

    @Test
    void an_admin_adds_and_removes_clinicians_of_a_patients_care_team() {
        long patient = data.patient(clinic, "Carla", "Teamwork", null, first);
        admin.login();

        CareTeamsView view = navigate("admin/care-teams/" + patient, CareTeamsView.class);
        assertThat($(H3.class).single().getText()).isEqualTo("Carla Teamwork");
        assertThat(view.current().members()).extracting(CareTeamMember::clinicianId).containsExactly(first.id());

        @SuppressWarnings("unchecked")
        ComboBox<com.walkrx.clinic.UserSummary> candidate = $(ComboBox.class).withClassName("candidate").single();
        test(candidate).selectItem(second.displayName());
        test($(Button.class).withClassName("add-member").single()).click();
        assertThat(view.current().members()).extracting(CareTeamMember::clinicianId)
                .containsExactlyInAnyOrder(first.id(), second.id());

        Grid<CareTeamMember> members = members();
        int row = test(members).getRow(0).clinicianId() == first.id() ? 0 : 1;
        clickRemove(members, row);
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(view.current().members()).extracting(CareTeamMember::clinicianId).containsExactly(second.id());
    }

    @Test
    void removing_asks_first_and_cancelling_keeps_the_clinician() {
        long patient = data.patient(clinic, "Dora", "Asked", null, first, second);
        admin.login();
        CareTeamsView view = navigate("admin/care-teams/" + patient, CareTeamsView.class);

        Grid<CareTeamMember> members = members();
        clickRemove(members, 0);

        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Remove " + first.displayName() + " from the care team?");
        assertThat(test(confirm).getText()).contains("Dora Asked");
        confirm.close(); // the Cancel button closes it, and nothing is done
        assertThat(view.current().members()).extracting(CareTeamMember::clinicianId)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void the_confirmation_removes_the_clinician_it_was_opened_for_after_the_grid_re_sorts() {
        long patient = data.patient(clinic, first, second);
        admin.login();
        CareTeamsView view = navigate("admin/care-teams/" + patient, CareTeamsView.class);
        Grid<CareTeamMember> members = members();
        assertThat(test(members).getRow(0).clinicianId()).isEqualTo(first.id());

        clickRemove(members, 0);
        test(members).sortByColumn(0, SortDirection.DESCENDING);
        assertThat(test(members).getRow(0).clinicianId()).as("row 0 is the other clinician now").isEqualTo(second.id());
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(view.current().members()).extracting(CareTeamMember::clinicianId).containsExactly(second.id());
    }

    @Test
    void removing_the_last_clinician_of_a_flagged_patient_is_refused_on_screen_and_the_team_stays() {
        TestData.User only = first;
        long patient = data.patient(clinic, only);
        data.flag(clinic, patient, "CAUDA_EQUINA", "URGENT", "OPEN");
        admin.login();
        CareTeamsView view = navigate("admin/care-teams/" + patient, CareTeamsView.class);
        Grid<CareTeamMember> members = members();

        clickRemove(members, 0);
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(view.current().members()).extracting(CareTeamMember::clinicianId).containsExactly(only.id());
        assertThat(test($(Notification.class).withClassName("care-team-notice").last()).getText())
                .startsWith(only.displayName() + " is the last active clinician on this care team");
        // Bottom right, clear of the navigation drawer, whose foot (bottom left) shows the signed-in user.
        assertThat($(Notification.class).withClassName("care-team-notice").last().getPosition())
                .isEqualTo(Notification.Position.BOTTOM_END);
    }

    @Test
    void another_clinics_patient_is_not_found() {
        long elsewhere = data.clinic();
        long foreign = data.patient(elsewhere, data.staff(elsewhere, Role.CLINICIAN));
        admin.login();

        UI.getCurrent().navigate("admin/care-teams/" + foreign);

        assertThat(getCurrentView()).isInstanceOf(RecordNotFoundView.class);
        UI.getCurrent().navigate("admin/care-teams/not-a-number");
        assertThat(getCurrentView()).isInstanceOf(RecordNotFoundView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<CareTeamMember> members() {
        return $(Grid.class).withClassName("care-team-grid").single();
    }

    private void clickRemove(Grid<CareTeamMember> members, int row) {
        test((Button) test(members).getCellComponent(row, "remove")).click();
    }
}
