package com.walkrx.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.audit.AuditEntry;
import com.walkrx.patient.PatientService;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's audit search page. */
@WalkRxTest
class AuditViewTest extends BrowserlessTest {

    @Autowired
    PatientService patients;

    @Test
    void an_admin_filters_the_trail_by_user() {
        TestData.AdminClinic scene = data.adminClinic();
        patients.get(scene.clinician().caller(), scene.patient());
        scene.admin().login();
        String clinician = scene.clinician().username();

        AuditView view = navigate(AuditView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).single();
        assertThat(test(grid).getRow(0).action()).as("opening the page is itself recorded").isEqualTo("VIEWED_AUDIT");

        $(TextField.class).withLabel("User").single().setValue(clinician);
        test($(Button.class).withClassName("audit-search").single()).click();

        assertThat(view.filter().username()).isEqualTo(clinician);
        AuditEntry first = test(grid).getRow(0);
        assertThat(first.username()).isEqualTo(clinician);
        assertThat(first.action()).isEqualTo("VIEWED_PATIENT");
        assertThat(first.patientId()).isEqualTo(scene.patient());
        assertThat(test(grid).getCellText(0, test(grid).getColumnPosition("action"))).isEqualTo("Viewed patient");
    }
}
