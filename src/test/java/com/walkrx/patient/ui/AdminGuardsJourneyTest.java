package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Real Chromium, as a clinic admin: removing a care-team member and issuing a reset code ask first; removing
 * the last clinician of a patient with an open flag is refused on screen and the clinician stays.
 */
@WalkRxTest
class AdminGuardsJourneyTest extends SpringTest {

    @Test
    void an_admin_is_asked_first_and_the_last_clinician_of_a_flagged_patient_stays() {
        long clinic = data.clinic();
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        TestData.User only = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, "Carla", "Flagged", null, only);
        jdbc.sql("""
                insert into flag (id, clinic_id, patient_id, code, tier, status, basis, patient_message)
                values (nextval('flag_seq'), ?, ?, 'CAUDA_EQUINA', 'URGENT', 'OPEN', 'basis', 'message')
                """).params(clinic, patient).update();

        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login(admin.username(), TestData.PASSWORD);
            browser.open("/admin/care-teams/" + patient);
            browser.waitForText("Carla Flagged");
            browser.waitFor(By.cssSelector("vaadin-button.remove-member")).click();
            browser.waitForText("Remove " + only.displayName() + " from the care team?");
            browser.screenshot("care-team-confirm-remove");

            browser.waitFor(By.cssSelector("vaadin-confirm-dialog.confirm-remove-member vaadin-button[slot=confirm-button]"))
                    .click();
            browser.waitForText("is the last active clinician on this care team");
            browser.screenshot("care-team-remove-refused");
            assertThat(jdbc.sql("select count(*) from care_team_member where patient_id = ?").param(patient)
                    .query(Long.class).single()).isEqualTo(1);

            browser.open("/admin/staff");
            browser.waitFor(By.cssSelector("vaadin-button.reset-button")).click();
            browser.waitForText("Issue a password reset code for " + only.displayName() + "?");
            browser.screenshot("staff-confirm-reset");
            browser.waitFor(By.cssSelector("vaadin-confirm-dialog.confirm-reset-password vaadin-button[slot=confirm-button]"))
                    .click();
            browser.waitForText("Password reset code for " + only.displayName());
            browser.screenshot("staff-reset-code");
        }
    }
}
