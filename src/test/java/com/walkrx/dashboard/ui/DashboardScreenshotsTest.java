package com.walkrx.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Browser;
import com.walkrx.support.WalkRxTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Real Chromium on the demo clinic: the dashboard pages render their ECharts charts, and the screenshots
 * (target/screenshots/caseload, patient-chart, patient-progress, clinic-overview) are what a user sees.
 */
@WalkRxTest
class DashboardScreenshotsTest extends SpringTest {

    /** Adds demo plans and flags where the plan and flag modules have not seeded them (see the SQL file). */
    @BeforeEach
    void demoPlansAndFlags() throws IOException {
        clock.reset();
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/dashboard/demo-plans-and-flags.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : sql.split(";")) {
            String body = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            if (!body.isBlank()) {
                jdbc.sql(body).param("today", LocalDate.now(clock)).update();
            }
        }
    }

    /** Waits until every chart on the page has drawn at its full width, not at a width it had before layout. */
    private static void waitForCharts(Browser browser, int count) {
        browser.until(d -> {
            Object ok = ((JavascriptExecutor) d).executeScript("""
                    const charts = Array.from(document.querySelectorAll('walkrx-chart'));
                    return charts.length >= arguments[0] && charts.every(c => c.hasAttribute('rendered')
                        && c.querySelector('canvas') && c.querySelector('canvas').width >= c.clientWidth - 1
                        && c.clientWidth > 200);
                    """, count);
            return Boolean.TRUE.equals(ok);
        });
    }

    @Test
    void a_clinician_triages_the_caseload_and_opens_a_patient_chart() {
        try (Browser browser = Browser.loggedIn(port, 1280, 800, "demo-clinician-1", DemoMode.DEMO_PASSWORD)) {
            browser.open("/caseload");
            browser.waitForText("Ada Byrne");
            browser.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return document.querySelectorAll('walkrx-sparkline[rendered] svg').length")).intValue() >= 6);
            assertThat(browser.bodyText()).contains("Flags", "Patient and condition", "Adherence 7d", "Pain (vs baseline)", "Last check-in")
                    .doesNotContain("Fischer"); // another clinician's patient
            browser.screenshot("caseload");

            browser.driver().findElement(By.xpath("//a[contains(@class,'patient-link') and text()='Ada Byrne']")).click();
            browser.until(d -> browser.path().startsWith("/patients/"));
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2150));
            browser.waitForText("Walking against the prescription");
            waitForCharts(browser, 2);
            assertThat(browser.bodyText()).contains("Ada Byrne", "against a baseline of", "Walks", "Flags");
            browser.screenshot("patient-chart");
        }
    }

    /**
     * A page of one screenshot: the demo user opens it on a screen of that size, waits for its heading and its
     * charts, and it shows those texts.
     */
    record Page(String scene, String user, int width, int height, String path, String heading, int charts,
                List<String> shows, String screenshot) {

        @Override
        public String toString() {
            return scene;
        }
    }

    static Stream<Page> pages() {
        return Stream.of(
                new Page("a patient sees their progress on a phone", "demo-patient-1", 390, 844, "/progress",
                        "Your progress", 1, List.of("Your pain after walks has dropped from"), "patient-progress"),
                new Page("an admin sees the clinic overview", "demo-admin", 1280, 1400, "/overview",
                        "Outcomes against the expected course", 3, List.of("Clinic overview", "Week 12", "3+ months"),
                        "clinic-overview"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void a_demo_user_sees_their_page_with_its_charts(Page page) {
        try (Browser browser = Browser.loggedIn(port, page.width(), page.height(),
                page.user(), DemoMode.DEMO_PASSWORD)) {
            browser.open(page.path());
            browser.waitForText(page.heading());
            waitForCharts(browser, page.charts());
            assertThat(browser.bodyText()).contains(page.shows());
            browser.screenshot(page.screenshot());
        }
    }
}
