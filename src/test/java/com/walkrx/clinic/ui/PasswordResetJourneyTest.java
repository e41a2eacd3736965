package com.walkrx.clinic.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.clinic.StaffService;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Real Chromium: a clinician with a reset code from their admin goes from the login page to the reset page,
 * sets a new password, sees that it worked (not an error page) and logs in with it.
 */
@WalkRxTest
class PasswordResetJourneyTest extends SpringTest {

    @Autowired
    StaffService staff;

    private TestData.AdminClinic scene;
    /** The reset code the clinician's admin issued for them. */
    private String code;

    @BeforeEach
    void aResetCodeFromTheAdmin() {
        scene = data.adminClinic();
        scene.admin().login();
        code = staff.issueResetCode(scene.admin().caller(), scene.clinician().id()).code();
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_reset_from_the_login_page_ends_on_a_success_page_and_the_new_password_works() {
        String password = "a brand new walking passphrase";

        try (Browser browser = new Browser(port, 1280, 900)) {
            browser.open("/login");
            WebElement form = browser.waitFor(By.tagName("vaadin-login-form"));
            form.findElement(By.cssSelector("vaadin-button[slot=forgot-password]")).click();
            browser.until(d -> browser.path().startsWith("/reset-password"));
            fillIn(browser, code, password);
            browser.screenshot("password-reset-form");
            browser.waitFor(By.cssSelector("vaadin-button.set-password")).click();

            assertSuccess(browser, "password-reset-done");

            browser.waitFor(By.id("login-link")).click();
            browser.until(d -> browser.path().startsWith("/login"));
            browser.login(scene.clinician().username(), password);
            browser.until(d -> browser.path().startsWith("/caseload"));
        }
    }

    @Test
    void a_reset_in_a_browser_still_logged_in_as_that_user_ends_on_the_success_page_too() {
        String password = "another new walking passphrase";

        try (Browser browser = new Browser(port, 1280, 900)) {
            browser.login(scene.clinician().username(), TestData.PASSWORD);
            browser.until(d -> browser.path().startsWith("/caseload"));
            browser.open("/reset-password");
            fillIn(browser, code, password);
            browser.waitFor(By.cssSelector("vaadin-button.set-password")).click();

            assertSuccess(browser, "password-reset-done-while-logged-in");

            browser.open("/caseload"); // the old login is over in this browser too
            browser.until(d -> browser.path().startsWith("/login"));
            browser.login(scene.clinician().username(), password);
            browser.until(d -> browser.path().startsWith("/caseload"));
        }
    }

    /** The reset page's code, new password and its repetition. */
    private static void fillIn(Browser browser, String code, String password) {
        type(browser, "vaadin-text-field.reset-code input", code);
        type(browser, "vaadin-password-field.reset-password input", password);
        type(browser, "vaadin-password-field.reset-repeat input", password);
    }

    /** Waits for whatever the page turns into (the success state, or the error the issue saw) and expects success. */
    private static void assertSuccess(Browser browser, String screenshot) {
        browser.until(d -> !browser.bodyText().contains("Set your password")
                || browser.bodyText().contains("Connection lost") || browser.bodyText().contains("Internal"));
        browser.screenshot(screenshot);
        assertThat(browser.bodyText()).doesNotContain("Internal Server Error").doesNotContain("Connection lost")
                .contains("Your new password is set");
    }

    private static void type(Browser browser, String css, String text) {
        WebElement input = browser.waitFor(By.cssSelector(css));
        input.click();
        input.sendKeys(text);
    }
}
