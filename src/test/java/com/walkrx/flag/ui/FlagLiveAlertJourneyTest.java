package com.walkrx.flag.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.flag.CheckIns;
import com.walkrx.flag.FlagCode;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two clinicians of one care team have the app open (one on the inbox, one on the caseload); the patient's
 * check-in with bladder problems commits in another session. Both pages show the URGENT flag through server push,
 * without a reload.
 */
@WalkRxTest
class FlagLiveAlertJourneyTest extends SpringTest {

    @Autowired CheckIns checkIns;

    @Test
    void an_urgent_check_in_reaches_every_open_page_of_the_care_team_without_a_reload() {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, "Mei", "Chen", null, clinician, colleague);

        try (Browser inbox = new Browser(port, 1280, 800); Browser caseload = new Browser(port, 1280, 800)) {
            inbox.login(clinician.username(), TestData.PASSWORD);
            inbox.open("/flags");
            inbox.waitForText("No flags need attention");
            caseload.login(colleague.username(), TestData.PASSWORD);
            caseload.until(d -> caseload.path().startsWith("/caseload"));
            caseload.waitForText("Mei Chen");
            markPage(inbox);
            markPage(caseload);

            checkIns.record(clinic, patient, LocalDate.now(), c -> c.pain(6).bladder());

            inbox.waitForText("New URGENT flag: Cauda equina signs - Mei Chen");
            inbox.waitForText("1 need attention: 1 urgent, 0 high, 0 advisory");
            inbox.until(d -> "1".equals(d.findElement(By.cssSelector(".flag-count-badge")).getText()));
            assertThat(inbox.bodyText()).contains("new bladder or bowel control problems reported on");
            assertThat(stillTheSamePage(inbox)).as("the inbox was not reloaded").isTrue();
            inbox.screenshot("flag-inbox-live");

            caseload.waitForText("New URGENT flag: Cauda equina signs - Mei Chen");
            caseload.until(d -> "1".equals(d.findElement(By.cssSelector(".flag-count-badge")).getText()));
            caseload.waitForText("1 urgent"); // the patient's row follows the flag without a reload
            assertThat(stillTheSamePage(caseload)).as("the caseload was not reloaded").isTrue();
            caseload.screenshot("flag-alert-on-caseload");

            inbox.driver().findElement(By.cssSelector("vaadin-grid-cell-content .tier-badge")).click();
            inbox.waitFor(By.cssSelector(".flag-card .acknowledge-button"));
            assertThat(inbox.bodyText()).contains("Basis", FlagCode.CAUDA_EQUINA_SIGNS.basis(), "Patient was told");
            inbox.screenshot("flag-inbox-details");

            inbox.driver().findElement(By.cssSelector(".flag-card .acknowledge-button")).click();
            inbox.waitFor(By.cssSelector("vaadin-text-area")).findElement(By.tagName("textarea"))
                    .sendKeys("Called Mei, sent to A&E");
            inbox.driver().findElement(By.cssSelector(".confirm-acknowledge")).click();
            // acknowledged is not resolved: the URGENT flag stays in triage, shown as acknowledged, who and when
            inbox.waitForText("(1 acknowledged, not yet resolved)");
            inbox.waitForText("Acknowledged by " + clinician.displayName());
            assertThat(inbox.driver().findElement(By.cssSelector(".flag-count-badge")).getText()).isEqualTo("1");
            // the colleague's caseload follows the acknowledgement live: still first, marked acknowledged
            caseload.waitForText("Acknowledged by " + clinician.displayName());
            assertThat(caseload.driver().findElement(By.cssSelector(".flag-count-badge")).getText()).isEqualTo("1");
            assertThat(stillTheSamePage(caseload)).as("the caseload was not reloaded").isTrue();
            caseload.screenshot("caseload-acknowledged-urgent");
            inbox.open("/patients/" + patient + "/flags");
            inbox.waitForText("Called Mei, sent to A&E");
            assertThat(inbox.bodyText()).contains("Acknowledged", "Resolve");
            inbox.screenshot("flag-timeline");

        }
    }

    private static void markPage(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.__walkrxSamePage = true;");
    }

    private static boolean stillTheSamePage(Browser browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                "return window.__walkrxSamePage === true;"));
    }
}
