package com.walkrx.clinic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Real Chromium: an admin reads the clinic's refused sign-ins, then deactivates a clinician through the red
 * confirmation, which does nothing until confirmed. Screenshots: sign-in-failures.png, staff-confirm-deactivate.png.
 */
@WalkRxTest
class AdminSecurityJourneyTest extends SpringTest {

    @Test
    void the_admin_reads_refused_sign_ins_and_deactivates_a_clinician_after_confirming() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User admin = scene.admin();
        TestData.User clinician = scene.clinician();
        String address = WebClient.newTestAddress();
        WebClient client = new WebClient(port).from(address);
        for (int i = 0; i < 3; i++) {
            client.getAs("/api/v1/me", clinician.username(), "not-the-password-" + i);
        }

        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login(admin.username(), TestData.PASSWORD);
            browser.open("/admin/sign-in-failures");
            browser.waitForText(address);
            browser.waitForText("Wrong password");
            browser.screenshot("sign-in-failures");

            browser.open("/admin/staff");
            browser.waitForText(clinician.displayName());
            browser.screenshot("staff");
            browser.waitFor(By.cssSelector(".deactivate-button")).click();
            browser.waitFor(By.cssSelector("vaadin-confirm-dialog.confirm-deactivate"));
            browser.waitForText("Deactivate " + clinician.displayName() + "?");
            browser.screenshot("staff-confirm-deactivate");
            assertThat(enabled(clinician)).as("nothing done before confirming").isTrue();
            browser.waitFor(By.cssSelector("vaadin-confirm-dialog.confirm-deactivate vaadin-button[slot=confirm-button]"))
                    .click();
            browser.waitForText(clinician.displayName() + " is deactivated and logged out.");
        }
        assertThat(enabled(clinician)).isFalse();
    }

    private boolean enabled(TestData.User user) {
        return jdbc.sql("select enabled from app_user where id = ?").param(user.id()).query(Boolean.class).single();
    }
}
