package com.walkrx.plan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SpringTest;
import com.walkrx.support.Browser;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** Real Chromium: a clinician assigns and edits a plan; the patient sees today's prescription on a phone. */
@WalkRxTest
class PlanJourneyTest extends SpringTest {

    @Test
    void a_clinician_assigns_and_edits_a_plan_and_the_patient_sees_todays_prescription_on_a_phone() {
        TestData.CareTeam team = data.careTeam("Ada", "Walker");
        TestData.User clinician = team.clinician();
        long patient = team.patient();

        try (Browser browser = new Browser(port, 1280, 900)) {
            browser.login(clinician.username(), TestData.PASSWORD);
            browser.open("/patients/" + patient + "/plan");
            browser.waitForText("No walking plan yet.");
            click(browser, "vaadin-button.assign-activate");
            browser.waitFor(By.cssSelector(".plan-status-active"));

            click(browser, "vaadin-button.edit-phase-2");
            WebElement max = browser.waitFor(By.cssSelector("vaadin-integer-field.minutes-max input"));
            max.sendKeys(Keys.chord(Keys.CONTROL, "a"), "25", Keys.TAB);
            WebElement guidance = browser.waitFor(By.cssSelector("vaadin-text-area.guidance textarea"));
            guidance.sendKeys(" Keep a steady, easy pace.", Keys.TAB);
            browser.screenshot("plan-edit-dialog");
            click(browser, "vaadin-button.save-phase");
            browser.waitForText("Phase 2: minutes 15-20 -> 15-25");
            assertThat(browser.bodyText()).contains("15-25 min");
            browser.screenshot("plan-edit");
        }

        try (Browser browser = new Browser(port, 390, 844)) {
            browser.login(team.patientUser().username(), TestData.PASSWORD);
            browser.until(d -> browser.path().startsWith("/today"));
            browser.waitForText("3 walks of 10 minutes, flat ground, ideally before meals");
            assertThat(browser.bodyText()).contains("Nothing logged yet today", "How to walk",
                    "When to stop and get help");
            browser.screenshot("today");
        }
    }

    /** Scrolls the element to the middle of the window first, so nothing fixed (e.g. a notification) covers it. */
    private static void click(Browser browser, String css) {
        WebElement element = browser.waitFor(By.cssSelector(css));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        browser.until(d -> element.isDisplayed() && element.isEnabled());
        element.click();
    }
}
