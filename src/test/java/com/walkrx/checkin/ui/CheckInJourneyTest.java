package com.walkrx.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SpringTest;
import com.walkrx.support.Browser;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** On a phone (390 x 844): a patient logs a walk and a daily check-in, then finds both in the history. */
@WalkRxTest
class CheckInJourneyTest extends SpringTest {

    @Test
    void a_patient_logs_a_walk_and_a_daily_check_in_and_sees_them_in_the_history() {
        TestData.CareTeam team = data.careTeam();

        try (Browser browser = new Browser(port, 390, 844)) {
            browser.login(team.patientUser().username(), TestData.PASSWORD);
            browser.until(d -> browser.path().startsWith("/today"));

            WebElement minutes = browser.waitFor(By.cssSelector("#walk-minutes input"));
            scrollTo(browser, "log-walk-heading");
            minutes.sendKeys("15");
            click(browser, tile(browser, "walk-surface", 0));
            click(browser, tile(browser, "walk-pain-before", 5));
            click(browser, tile(browser, "walk-pain-after", 3));
            click(browser, tile(browser, "walk-sharp-pain", 0));
            browser.until(d -> tile(browser, "walk-pain-after", 3).getDomAttribute("checked") != null);
            scrollTo(browser, "log-walk-heading");
            browser.screenshot("checkin-form");

            click(browser, browser.driver().findElement(By.id("save-walk")));
            browser.waitFor(By.cssSelector("#walk-result .checkin-card"));
            assertThat(text(browser, "walk-result")).contains("Saved. Thank you!",
                    "Walk: 15 min, flat ground, pain 5 before, 3 after");

            click(browser, tile(browser, "day-pain", 4));
            browser.driver().findElement(By.cssSelector("#day-steps input")).sendKeys("5400");
            click(browser, tile(browser, "symptom-numbness", 0));
            click(browser, tile(browser, "symptom-weakness", 0));
            // "In both legs?" is asked only after numbness or weakness.
            for (String id : List.of("symptom-saddle", "symptom-bladder", "symptom-fever",
                    "symptom-weight-loss", "symptom-injury")) {
                click(browser, tile(browser, id, 0));
            }
            browser.driver().findElement(By.cssSelector("#day-notes textarea")).sendKeys("Felt looser after the walk");
            click(browser, browser.driver().findElement(By.id("save-day")));
            browser.waitFor(By.cssSelector("#day-result .checkin-card"));
            assertThat(text(browser, "day-result")).contains("Back pain: 4 out of 10", "Steps: 5,400",
                    "Felt looser after the walk");
            scrollTo(browser, "day-result");
            browser.screenshot("checkin-done");

            browser.open("/history");
            browser.waitForText("My check-ins");
            browser.waitFor(By.cssSelector(".checkin-card"));
            List<WebElement> cards = browser.driver().findElements(By.cssSelector(".checkin-card"));
            assertThat(cards).hasSize(2);
            assertThat(cards.get(0).getText()).contains("Back pain: 4 out of 10", "Felt looser after the walk");
            assertThat(cards.get(1).getText()).contains("Walk: 15 min");
            browser.screenshot("checkin-history");
        }
        assertThat(jdbc.sql("select count(*) from check_in where patient_id = ?").param(team.patient())
                .query(Long.class).single()).isEqualTo(2);
    }

    private static WebElement tile(Browser browser, String groupId, int index) {
        return browser.driver().findElements(By.cssSelector("#" + groupId + " vaadin-radio-button")).get(index);
    }

    /** Clicks like a thumb would: the element is scrolled to the middle of the screen first. */
    private static void click(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }
}
