package com.walkrx.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.plan.PlanService;
import com.walkrx.plan.Template;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * On a phone (390 x 844), with today's plan: a walk without symptoms in at most four taps, the day's warning
 * signs answered with one "None of these", "in both legs?" asked after numbness, the guidance folded on the
 * next visit. Every tap is counted; scrolling is not a tap.
 */
@WalkRxTest
class LightCheckInJourneyTest extends SpringTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Autowired
    PlanService plans;

    private int taps;

    @Test
    void a_walk_without_symptoms_takes_four_taps_and_the_day_without_warning_signs_three() {
        clock.setDate(DAY);
        TestData.CareTeam team = data.careTeam();
        team.clinician().login();
        plans.assign(team.clinician().caller(), team.patient(), Template.STANDARD, DAY, true, null);
        SecurityContextHolder.clearContext();

        try (Browser browser = new Browser(port, 390, 844)) {
            browser.login(team.patientUser().username(), TestData.PASSWORD);
            browser.until(d -> browser.path().startsWith("/today"));
            assertThat(opened(browser, "today-guidance")).as("guidance open on the first view").isTrue();
            WebElement minutes = browser.waitFor(By.cssSelector("#walk-minutes input"));
            assertThat(minutes.getDomProperty("value")).as("filled in from today's plan").isEqualTo("10");
            scrollTo(browser, "log-walk-heading");
            browser.screenshot("light-checkin-walk");

            taps = 0;
            tap(browser, tile(browser, "walk-pain-before", 4));
            tap(browser, tile(browser, "walk-pain-after", 2));
            tap(browser, tile(browser, "walk-sharp-pain", 0));
            tap(browser, browser.driver().findElement(By.id("save-walk")));
            browser.waitFor(By.cssSelector("#walk-result .checkin-card"));
            assertThat(taps).as("taps for a walk without symptoms").isLessThanOrEqualTo(4);
            assertThat(text(browser, "walk-result")).contains("Saved. Thank you!",
                    "Walk: 10 min, flat ground, pain 4 before, 2 after");
            Map<String, Object> walk = jdbc.sql("""
                            select minutes, surface, pain_before, pain_after, sharp_pain from walk
                            where patient_id = ?""").param(team.patient()).query().singleRow();
            assertThat(walk).containsEntry("minutes", 10).containsEntry("surface", "FLAT")
                    .containsEntry("pain_before", 4).containsEntry("pain_after", 2).containsEntry("sharp_pain", false);

            scrollTo(browser, "how-today-heading");
            browser.screenshot("light-checkin-day-before-none");
            taps = 0;
            tap(browser, tile(browser, "day-pain", 2));
            tap(browser, browser.driver().findElement(By.id("symptom-none")));
            browser.until(d -> "true".equals(d.findElement(By.id("symptom-none")).getDomAttribute("aria-pressed")));
            assertThat(browser.driver().findElements(By.cssSelector("#symptom-both-legs:not([hidden])"))).isEmpty();
            center(browser, "symptom-injury");
            browser.screenshot("light-checkin-day-none-of-these");
            tap(browser, browser.driver().findElement(By.id("save-day")));
            browser.waitFor(By.cssSelector("#day-result .checkin-card"));
            assertThat(taps).as("taps for a day without warning signs").isLessThanOrEqualTo(3);
            assertThat(text(browser, "day-result")).contains("Back pain: 2 out of 10", "Warning symptoms: none");
            assertThat(jdbc.sql("""
                            select numbness_tingling || leg_weakness || both_legs || saddle_numbness
                                   || bladder_bowel_problems || fever || unexplained_weight_loss || new_injury_or_fall
                            from check_in where patient_id = ? and overall_pain = 2""")
                    .param(team.patient()).query(String.class).single())
                    .isEqualTo("NONENONEfalsefalsefalsefalsefalsefalse");

            tap(browser, tile(browser, "symptom-numbness", 2));
            WebElement bothLegs = browser.waitFor(By.id("symptom-both-legs"));
            assertThat(bothLegs.getText()).contains("Are these symptoms in both legs?");
            scrollTo(browser, "symptom-numbness");
            browser.screenshot("light-checkin-day-numbness");

            browser.open("/today");
            browser.waitFor(By.cssSelector(".today-guidance vaadin-details"));
            browser.until(d -> !opened(browser, "today-guidance"));
            assertThat(opened(browser, "today-stop")).as("folded on the next visit").isFalse();
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('.today-guidance').scrollIntoView({block: 'center'})");
            browser.screenshot("light-checkin-today-again");
        }
    }

    /** Taps like a thumb would: the element is scrolled to the middle of the screen first; counts the tap. */
    private void tap(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
        taps++;
    }

    private static boolean opened(Browser browser, String sectionClass) {
        return browser.driver().findElement(By.cssSelector("." + sectionClass + " vaadin-details"))
                .getDomAttribute("opened") != null;
    }

    private static WebElement tile(Browser browser, String groupId, int index) {
        return browser.driver().findElements(By.cssSelector("#" + groupId + " vaadin-radio-button")).get(index);
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private static void center(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }
}
