package com.walkrx.outbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.outbox.OutboxService;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Real Chromium: the admin opens the Outbox from the navigation, clicks an escalation e-mail and reads its text;
 * the admin sets a clinician's e-mail address on the Staff page. Screenshots: outbox-*.png, staff-email.png.
 */
@WalkRxTest
class OutboxJourneyTest extends SpringTest {

    @Autowired OutboxService outbox;
    @Autowired TransactionOperations transactions;

    @Test
    void the_admin_reads_an_escalation_e_mail_in_the_outbox_and_sets_a_staff_address() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User admin = scene.admin();
        transactions.executeWithoutResult(s -> outbox.enqueue(scene.clinic(), scene.patient(),
                List.of("priya.shah@clinic.example", "admin@clinic.example"),
                "WalkRx: URGENT flag not acknowledged for 16 minutes - Cauda equina signs", """
                        An URGENT flag for one of your patients has not been acknowledged.

                        Patient: Ines Okafor
                        Flag: Cauda equina signs (CAUDA_EQUINA)
                        """, "escalation of flag 1"));

        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login(admin.username(), TestData.PASSWORD);
            browser.open("/admin/outbox");
            browser.waitForText("No mail server is configured");
            browser.waitForText("WalkRx: URGENT flag not acknowledged for 16 minutes");
            browser.driver().findElement(By.xpath("//vaadin-grid-cell-content[contains(., 'URGENT flag not')]"))
                    .click();
            browser.waitForText("Patient: Ines Okafor");
            browser.screenshot("outbox-escalation");

            browser.open("/admin/staff");
            browser.waitFor(By.cssSelector(".email-button")).click();
            browser.waitFor(By.cssSelector("vaadin-email-field.staff-email input")).sendKeys("ines.c@clinic.example");
            browser.screenshot("staff-email");
            browser.driver().findElement(By.cssSelector(".save-staff-email")).click();
            browser.waitForText("ines.c@clinic.example");
        }
        assertThat(jdbc.sql("select count(*) from app_user where clinic_id = ? and email = 'ines.c@clinic.example'")
                .param(scene.clinic()).query(Long.class).single()).isEqualTo(1);
    }
}
