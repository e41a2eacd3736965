package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real Chromium: a clinician of a clinic that requires a second factor has typed the right password but
 * not the code, and cannot open the caseload, the flags or a patient chart; with the code they can. The
 * first login sets the authenticator app up from the QR page.
 */
@WalkRxTest
class SecondFactorJourneyTest extends SpringTest {

    @Autowired
    MfaService mfa;

    private static void typeCode(Browser browser, String id, String code) {
        WebElement field = browser.waitFor(By.cssSelector("#" + id + " input"));
        field.clear();
        field.sendKeys(code);
    }

    @Test
    void a_password_alone_opens_no_clinical_page_and_the_code_opens_the_caseload() {
        long clinic = data.mfaClinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patientId = data.patient(clinic, "Wilhelmina", "Secretname", null, clinician);
        MfaService.TotpEnrolment enrolment = mfa.beginTotp(clinician.caller());
        mfa.confirmTotp(clinician.caller(), Totp.code(enrolment.secret(), Totp.step(Instant.now())));

        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login(clinician.username(), TestData.PASSWORD);
            browser.until(d -> browser.path().startsWith("/second-factor"));
            browser.waitForText("Second step");
            browser.screenshot("mfa-second-step");

            for (String page : new String[] {"/caseload", "/flags", "/patients/" + patientId,
                    "/patients/" + patientId + "/flags", "/account/security"}) {
                browser.open(page);
                browser.until(d -> browser.path().startsWith("/second-factor"));
                browser.waitForText("Second step");
                assertThat(browser.bodyText()).as(page).doesNotContain("Secretname").doesNotContain("Caseload");
            }
            browser.screenshot("mfa-chart-refused-without-code");

            typeCode(browser, "second-factor-code", "000000".equals(Totp.code(enrolment.secret(),
                    Totp.step(Instant.now()))) ? "111111" : "000000");
            browser.waitFor(By.id("second-factor-submit")).click();
            browser.waitForText("That code is not right");
            assertThat(browser.path()).startsWith("/second-factor");

            String beforeCode = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            typeCode(browser, "second-factor-code", Totp.code(enrolment.secret(), Totp.step(Instant.now())));
            browser.waitFor(By.id("second-factor-submit")).click();
            browser.until(d -> browser.path().startsWith("/caseload"));
            browser.waitForText("Secretname");
            assertThat(browser.driver().manage().getCookieNamed("JSESSIONID").getValue())
                    .as("the session id changes with the second step").isNotEqualTo(beforeCode);
            browser.screenshot("mfa-caseload-after-code");
            browser.open("/patients/" + patientId);
            browser.waitForText("Wilhelmina");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'LOGIN_FAILED' "
                + "and detail = 'login form: wrong second-factor code'").param(clinician.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void the_first_login_sets_up_the_app_from_the_qr_page_and_shows_ten_recovery_codes() {
        long clinic = data.mfaClinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        try (Browser browser = new Browser(port, 1280, 900)) {
            browser.login(clinician.username(), TestData.PASSWORD);
            browser.until(d -> browser.path().startsWith("/second-factor"));
            browser.waitFor(By.cssSelector("img.qr-code"));
            browser.screenshot("mfa-enrolment-qr");
            browser.open("/caseload");
            browser.until(d -> browser.path().startsWith("/second-factor"));

            String secret = browser.waitFor(By.id("totp-secret")).getText().replace(" ", "");
            typeCode(browser, "totp-code", Totp.code(secret, Totp.step(Instant.now())));
            browser.waitFor(By.id("totp-confirm")).click();
            browser.waitFor(By.id("recovery-codes"));
            assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
            browser.screenshot("mfa-recovery-codes");
            browser.waitFor(By.id("continue")).click();
            browser.until(d -> browser.path().startsWith("/caseload"));
        }
        assertThat(mfa.hasFactor(clinician.id())).isTrue();
    }

    @Test
    void a_clinician_of_a_clinic_without_the_policy_logs_in_with_the_password_alone() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        try (Browser browser = new Browser(port, 1280, 800)) {
            browser.login(clinician.username(), TestData.PASSWORD);
            browser.until(d -> browser.path().startsWith("/caseload"));
        }
    }
}
