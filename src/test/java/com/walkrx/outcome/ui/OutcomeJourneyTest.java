package com.walkrx.outcome.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Real Chromium on the demo clinic: the demo patient answers the PEG on "today" at phone size, and the demo
 * clinician sees the outcome charts with baseline and threshold on the patient chart (target/screenshots:
 * questionnaire-today, questionnaire-peg, questionnaire-saved, patient-chart-outcomes).
 */
@WalkRxTest
class OutcomeJourneyTest extends SpringTest {

    /** Picks the answer; the group may re-render under the click, so find, click and check again until it holds. */
    private static void choose(Browser browser, String value) {
        browser.waitFor(By.id("q-answer"));
        browser.until(d -> {
            try {
                WebElement button = (WebElement) ((JavascriptExecutor) d).executeScript(
                        "return Array.from(document.querySelectorAll('#q-answer vaadin-radio-button'))"
                                + ".find(b => b.textContent.trim() === arguments[0])", value);
                if (button == null) {
                    return null;
                }
                if (button.getDomAttribute("checked") == null) {
                    button.click();
                }
                return button.getDomAttribute("checked") != null ? Boolean.TRUE : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    @Test
    void the_demo_patient_answers_a_due_peg_one_question_per_screen_on_a_phone() {
        try (Browser browser = Browser.loggedIn(port, 390, 844, "demo-patient-1", DemoMode.DEMO_PASSWORD)) {
            browser.open("/today");
            browser.waitFor(By.id("questionnaire-PEG"));
            assertThat(browser.bodyText()).contains("A few questions for your care team", "Answer now");
            // above the prescription
            Object above = ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.getElementById('questionnaires').getBoundingClientRect().top"
                            + " < document.querySelector('.today-content').getBoundingClientRect().top");
            assertThat(above).isEqualTo(true);
            browser.screenshot("questionnaire-today");

            browser.waitFor(By.id("start-PEG")).click();
            browser.waitForText("What number best describes your pain on average in the past week?");
            assertThat(browser.bodyText()).contains("Question 1 of 3", "Krebs");
            choose(browser, "5");
            browser.screenshot("questionnaire-peg");
            browser.waitFor(By.id("q-next")).click();
            browser.waitForText("enjoyment of life");
            choose(browser, "4");
            browser.waitFor(By.id("q-next")).click();
            browser.waitForText("general activity");
            choose(browser, "4");
            browser.waitFor(By.id("q-submit")).click();
            browser.waitForText("Saved. Thank you!");
            assertThat(browser.bodyText()).contains("Your PEG score today is 4.3");
            browser.screenshot("questionnaire-saved");
        }
    }

    @Test
    void the_demo_clinician_sees_the_peg_chart_with_its_baseline_and_threshold() {
        try (Browser browser = Browser.loggedIn(port, 1280, 900, "demo-clinician-1", DemoMode.DEMO_PASSWORD)) {
            browser.open("/caseload");
            browser.waitForText("Ada Byrne");
            assertThat(browser.bodyText()).contains("Questionnaires", "Improved: ");
            browser.screenshot("caseload-questionnaires");
            browser.driver().findElement(By.xpath("//a[contains(@class,'patient-link') and text()='Ada Byrne']")).click();
            browser.until(d -> browser.path().startsWith("/patients/"));
            WebElement section = browser.waitFor(By.id("outcome-charts"));
            browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                    const charts = Array.from(document.querySelectorAll('#outcome-charts walkrx-chart'));
                    return charts.length == 3 && charts.every(c => c.hasAttribute('rendered') && c.querySelector('canvas')
                        && c.querySelector('canvas').width >= c.clientWidth - 1 && c.clientWidth > 200);
                    """)));
            String peg = browser.waitFor(By.id("outcome-PEG")).getText();
            assertThat(peg).contains("PEG", "Baseline", "important: a fall of 30% or more", "Krebs");
            String option = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                    "const o = document.querySelector('#outcome-PEG walkrx-chart').option;"
                            + " return typeof o === 'string' ? o : JSON.stringify(o)");
            assertThat(option).contains("\"name\":\"Baseline\"", "Important improvement (30% fall)");
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", section);
            browser.screenshot("patient-chart-outcomes");
        }
    }
}
