package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
        TestData.AdminClinic scene = data.adminClinic();
        long patient = data.patient(scene.clinic(), "Carla", "Flagged", null, scene.clinician());
        String only = scene.clinician().displayName();
        data.flag(scene.clinic(), patient, "CAUDA_EQUINA", "URGENT", "OPEN");

        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login(scene.admin().username(), TestData.PASSWORD);
            browser.open("/admin/care-teams/" + patient);
            browser.waitForText("Carla Flagged");
            browser.waitFor(By.cssSelector("vaadin-button.remove-member")).click();
            browser.waitForText("Remove " + only + " from the care team?");
            browser.screenshot("care-team-confirm-remove");

            confirm(browser, "confirm-remove-member");
            browser.waitForText("is the last active clinician on this care team");
            browser.screenshot("care-team-remove-refused");
            assertThat(jdbc.sql("select count(*) from care_team_member where patient_id = ?").param(patient)
                    .query(Long.class).single()).isEqualTo(1);

            browser.open("/admin/staff");
            browser.waitFor(By.cssSelector("vaadin-button.reset-button")).click();
            browser.waitForText("Issue a password reset code for " + only + "?");
            browser.screenshot("staff-confirm-reset");
            confirm(browser, "confirm-reset-password");
            browser.waitForText("Password reset code for " + only);
            browser.screenshot("staff-reset-code");
        }
    }

    /** Clicks the confirm button of the confirmation dialog with the given class. */
    private static void confirm(Browser browser, String dialog) {
        browser.waitFor(By.cssSelector("vaadin-confirm-dialog." + dialog + " vaadin-button[slot=confirm-button]")).click();
    }
}
