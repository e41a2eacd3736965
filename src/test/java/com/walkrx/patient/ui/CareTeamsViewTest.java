package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.walkrx.base.security.Role;
import com.walkrx.base.ui.RecordNotFoundView;
import com.walkrx.patient.CareTeamMember;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's care-team page. */
@WalkRxTest
class CareTeamsViewTest extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Test
    void an_admin_adds_and_removes_clinicians_of_a_patients_care_team() {
        long clinic = data.clinic();
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        TestData.User first = data.staff(clinic, Role.CLINICIAN);
        TestData.User second = data.staff(clinic, Role.CLINICIAN);
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

        @SuppressWarnings("unchecked")
        Grid<CareTeamMember> members = $(Grid.class).withClassName("care-team-grid").single();
        int row = test(members).getRow(0).clinicianId() == first.id() ? 0 : 1;
        test((Button) test(members).getCellComponent(row, "remove")).click();
        assertThat(view.current().members()).extracting(CareTeamMember::clinicianId).containsExactly(second.id());
    }

    @Test
    void another_clinics_patient_is_not_found() {
        TestData.User admin = data.staff(data.clinic(), Role.ADMIN);
        long elsewhere = data.clinic();
        long foreign = data.patient(elsewhere, data.staff(elsewhere, Role.CLINICIAN));
        admin.login();

        UI.getCurrent().navigate("admin/care-teams/" + foreign);

        assertThat(getCurrentView()).isInstanceOf(RecordNotFoundView.class);
        UI.getCurrent().navigate("admin/care-teams/not-a-number");
        assertThat(getCurrentView()).isInstanceOf(RecordNotFoundView.class);
    }
}
