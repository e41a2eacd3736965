package com.walkrx.patient.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.clinic.ClinicService;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Browser;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real Chromium: a clinician enrols a patient and sees the code once; in a fresh browser the patient
 * creates their login with it and lands on "today".
 */
@WalkRxTest
class EnrolmentJourneyTest extends SpringTest {

    @Autowired
    ClinicService clinics;

    @Test
    void a_clinician_enrols_a_patient_who_then_activates_and_logs_in() {
        long clinic = data.clinic();
        String clinicianName = "jo-reid-" + System.nanoTime();
        clinics.createUser(clinic, clinicianName, TestData.PASSWORD, Role.CLINICIAN, "Dr Jo Reid");
        String code;

        try (Browser browser = new Browser(port, 1280, 1000)) {
            browser.login(clinicianName, TestData.PASSWORD);
            browser.waitFor(By.xpath("//vaadin-side-nav-item[contains(., 'Enrol patient')]")).click();
            browser.until(d -> browser.path().startsWith("/patients/new"));

            type(browser, "#givenName input", "Ada");
            type(browser, "#familyName input", "Byrne");
            type(browser, "#dateOfBirth input", "02/04/1961" + Keys.ENTER);
            browser.waitFor(By.id("condition")).click();
            browser.waitFor(By.xpath("//vaadin-select-item[normalize-space(.)='Sciatica']")).click();
            browser.waitFor(By.xpath("//vaadin-radio-button[contains(., 'Chronic')]")).click();
            type(browser, "#onsetDate input", "01/06/2026" + Keys.ENTER);
            browser.until(d -> "01/06/2026".equals(d.findElement(By.cssSelector("#onsetDate input")).getDomProperty("value")));
            assertThat(browser.driver().findElement(By.cssSelector("#dateOfBirth input")).getDomProperty("value"))
                    .isEqualTo("02/04/1961");
            browser.screenshot("enrol-form");

            // the form is taller than the window now that it asks for contact details
            org.openqa.selenium.WebElement enrol = browser.waitFor(By.id("enrol"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", enrol);
            enrol.click();
            WebElement shown = browser.waitFor(By.id("activation-code"));
            code = shown.getText().strip();
            assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
            assertThat(browser.bodyText()).contains("Ada Byrne is enrolled").contains("/activate and enter this code")
                    .contains("valid until");
            browser.screenshot("enrol-code");
        }

        String username = "ada-" + System.nanoTime() % 1_000_000;
        String password = "slow walks by the river";
        try (Browser browser = new Browser(port, 390, 844)) {
            browser.open("/activate");
            type(browser, "#code input", code);
            type(browser, "#username input", username);
            type(browser, "#password input", password);
            type(browser, "#confirm input", password);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("activate");
            browser.waitFor(By.xpath("//vaadin-button[contains(., 'Create my login')]")).click();
            browser.waitForText("Your login is ready");
            browser.screenshot("activate-done");

            browser.waitFor(By.id("login-link")).click();
            browser.until(d -> browser.path().startsWith("/login"));
            browser.login(username, password);
            browser.until(d -> browser.path().startsWith("/today"));
            browser.waitForText("Ada Byrne");
        }
    }

    private static void type(Browser browser, String css, String text) {
        browser.waitFor(By.cssSelector(css)).sendKeys(text);
    }
}
