package com.walkrx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Real Chromium against the running app: the demo clinician and patient log in and land on their pages. */
@WalkRxTest
class LoginJourneyTest extends SpringTest {

    @Test
    void a_clinician_logs_in_and_lands_on_the_caseload() {
        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.open("/login");
            browser.waitFor(By.tagName("vaadin-login-form"));
            browser.waitForText("demo-clinician-1");
            browser.screenshot("login");
            browser.login("demo-clinician-1", DemoMode.DEMO_PASSWORD);
            browser.until(d -> browser.path().startsWith("/caseload"));
            browser.waitForText("Ada Byrne");
            assertThat(browser.bodyText()).contains("Dr Priya Shah").doesNotContain("Fischer"); // other team
            browser.screenshot("clinician-caseload");

            browser.waitFor(By.cssSelector(".logout-button")).click();
            browser.until(d -> browser.path().startsWith("/login"));
            browser.waitForText("You were logged out");
        }
    }

    @Test
    void a_patient_logs_in_lands_on_today_and_is_refused_a_clinician_page() {
        try (Browser browser = new Browser(port, 390, 844)) {
            browser.login("demo-patient-1", DemoMode.DEMO_PASSWORD);
            browser.until(d -> browser.path().startsWith("/today"));
            browser.waitForText("Ada");
            browser.screenshot("patient-today");

            browser.open("/caseload");
            browser.waitForText("Access denied");
            assertThat(browser.bodyText()).doesNotContain("Tomás");
            browser.screenshot("patient-access-denied");
        }
    }

    @Test
    void a_wrong_password_shows_a_generic_error() {
        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.open("/login");
            browser.waitFor(By.cssSelector("vaadin-login-form input[name=username]")).sendKeys("demo-clinician-2");
            browser.driver().findElement(By.cssSelector("vaadin-login-form input[name=password]")).sendKeys("wrong-password");
            browser.driver().findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
            browser.until(d -> browser.path().contains("error"));
            var form = browser.waitFor(By.tagName("vaadin-login-form"));
            browser.until(d -> form.getDomAttribute("error") != null);
            assertThat(browser.path()).startsWith("/login");
            browser.screenshot("login-failed");
        }
    }

    @Test
    void a_clinician_page_without_a_session_redirects_to_login() throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/caseload")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
