package com.walkrx.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.base.security.CspReports;
import com.walkrx.base.security.UserSessions;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Browser;
import com.walkrx.support.IdleSessions;
import com.walkrx.support.WalkRxTest;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real Chromium under the Content-Security-Policy: the pages work, and the browser reports no
 * violation (the test provokes one on purpose at the end, to know that reports do arrive).
 */
@WalkRxTest
class CspBrowserTest extends SpringTest {

    @Autowired
    CspReports reports;
    @Autowired
    UserSessions sessions;

    @Test
    void clinicians_and_admins_work_under_the_policy_without_violations() {
        long before = reports.received();
        long ada = jdbc.sql("select p.id from patient p join app_user u on u.id = p.user_id where u.username = 'demo-patient-1'")
                .query(Long.class).single();
        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login("demo-clinician-1", DemoMode.DEMO_PASSWORD);
            browser.until(d -> browser.path().startsWith("/caseload"));
            browser.waitForText("Ada Byrne");
            browser.waitFor(By.cssSelector(".logout-button")).click();
            browser.until(d -> browser.path().startsWith("/login"));
            browser.waitForText("You were logged out");

            browser.login("demo-admin", DemoMode.DEMO_PASSWORD);
            browser.open("/admin/staff");
            browser.waitForText("Dr Priya Shah");
            browser.waitForText("Sam O'Connell");
            browser.screenshot("admin-staff");

            browser.open("/admin/care-teams/" + ada);
            browser.waitForText("Ada Byrne");
            browser.waitForText("On the team since");
            browser.screenshot("admin-care-teams");

            browser.open("/admin/audit");
            browser.waitForText("Logged in");
            browser.screenshot("admin-audit");

            ((JavascriptExecutor) browser.driver())
                    .executeScript("new Image().src = 'https://csp-probe.invalid/probe.png';");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reports.latest().stream()
                    .anyMatch(r -> r.contains("csp-probe.invalid")));
        }
        List<String> sinceStart = reports.latest().subList(0, (int) Math.min(20, reports.received() - before));
        assertThat(sinceStart).as("violation reports during the journey").allMatch(r -> r.contains("csp-probe.invalid"));
    }

    @Test
    void an_idle_tab_is_logged_off_and_the_login_page_says_why() {
        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login("demo-clinician-2", DemoMode.DEMO_PASSWORD);
            browser.until(d -> browser.path().startsWith("/caseload"));
            browser.waitFor(By.cssSelector(".caseload-view vaadin-grid"));
            String sessionId = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

            IdleSessions.idleFor(sessions.find(sessionId).orElseThrow(), Duration.ofMinutes(15));
            browser.waitFor(By.cssSelector(".caseload-view vaadin-text-field input")).sendKeys("a");

            browser.until(d -> browser.path().startsWith("/login?timeout"));
            browser.waitForText("You were logged out after a period of inactivity");
            browser.screenshot("login-timeout");
            browser.open("/caseload");
            browser.until(d -> browser.path().startsWith("/login"));
        }
    }
}
