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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login("demo-clinician-1", DemoMode.DEMO_PASSWORD);
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

    @Test
    void a_patient_sees_their_progress_on_a_phone() {
        try (Browser browser = new Browser(port, 390, 844)) {
            browser.login("demo-patient-1", DemoMode.DEMO_PASSWORD);
            browser.open("/progress");
            browser.waitForText("Your progress");
            waitForCharts(browser, 1);
            assertThat(browser.bodyText()).contains("Your pain after walks has dropped from");
            browser.screenshot("patient-progress");
        }
    }

    @Test
    void an_admin_sees_the_clinic_overview() {
        try (Browser browser = new Browser(port, 1280, 1400)) {
            browser.login("demo-admin", DemoMode.DEMO_PASSWORD);
            browser.open("/overview");
            browser.waitForText("Outcomes against the expected course");
            waitForCharts(browser, 3);
            assertThat(browser.bodyText()).contains("Clinic overview", "Week 12", "3+ months");
            browser.screenshot("clinic-overview");
        }
    }
}
