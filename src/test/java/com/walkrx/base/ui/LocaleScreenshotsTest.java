package com.walkrx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Real Chromium on the demo clinic (en-GB): every screen writes dates dd/MM/yyyy and none shows an ISO date; the
 * date pickers open on a Monday-first month. Screenshots under target/screenshots/locale-*.png.
 */
@WalkRxTest
class LocaleScreenshotsTest extends SpringTest {

    static final Pattern ISO = Pattern.compile("\\b20\\d\\d-\\d\\d-\\d\\d\\b");
    static final Pattern UK = Pattern.compile("\\b\\d\\d/\\d\\d/20\\d\\d\\b");

    private static void noIsoDates(Browser browser, String screen) {
        assertThat(browser.bodyText()).as(screen).doesNotContainPattern(ISO);
    }

    private static void ukDates(Browser browser, String screen) {
        String text = browser.bodyText();
        assertThat(text).as(screen).containsPattern(UK).doesNotContainPattern(ISO);
    }

    /** Opens the screen, waits for its text and a UK date, checks its dates and saves its screenshot. */
    private static void showsUkDates(Browser browser, String path, String text, String screen, String screenshot) {
        browser.open(path);
        browser.waitForText(text);
        browser.until(d -> UK.matcher(browser.bodyText()).find());
        ukDates(browser, screen);
        browser.screenshot(screenshot);
    }

    /** Opens the date picker: its month starts on a Monday; saves its screenshot. */
    private static void pickerStartsOnMonday(Browser browser, String pickerCss, String screenshot) {
        assertThat(firstWeekday(browser, pickerCss)).startsWith("Mon");
        browser.screenshot(screenshot);
    }

    /** The first day in the picker's month overlay, as the browser shows it ("Mon"). */
    private static String firstWeekday(Browser browser, String pickerCss) {
        WebElement picker = browser.waitFor(By.cssSelector(pickerCss));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].open()", picker);
        return browser.until(d -> {
            Object first = ((JavascriptExecutor) d).executeScript("""
                    const find = (root, sel) => {
                        const hit = root.querySelector(sel);
                        if (hit) return hit;
                        for (const el of root.querySelectorAll('*')) {
                            if (el.shadowRoot) { const h = find(el.shadowRoot, sel); if (h) return h; }
                        }
                        return null;
                    };
                    const cal = find(document, 'vaadin-month-calendar');
                    if (!cal) return null;
                    const root = cal.shadowRoot || cal;
                    const names = Array.from(root.querySelectorAll('[part~="weekday"]'))
                        .map(n => n.textContent.trim()).filter(t => t.length > 0);
                    return names.length ? names[0] : null;
                    """);
            return first == null ? null : first.toString();
        });
    }

    /** The demo data's dates are relative to the real today. */
    @BeforeEach
    void realToday() {
        clock.reset();
    }

    private long patient(String given, String family) {
        return jdbc.sql("select id from patient where given_name = ? and family_name = ?").params(given, family)
                .query(Long.class).list().getFirst();
    }

    @Test
    void a_clinician_reads_uk_dates_on_the_caseload_chart_plan_check_ins_and_flags() {
        long ada = patient("Ada", "Byrne");
        try (Browser browser = Browser.loggedIn(port, 1280, 1000, "demo-clinician-1", DemoMode.DEMO_PASSWORD)) {
            browser.open("/caseload");
            browser.waitForText("Ada Byrne");
            noIsoDates(browser, "caseload");
            browser.screenshot("locale-caseload");

            showsUkDates(browser, "/patients/" + ada, "Walking against the prescription", "patient chart",
                    "locale-patient-chart");

            showsUkDates(browser, "/patients/" + ada + "/plan", "History", "plan panel", "locale-plan-panel");
            browser.driver().findElement(By.cssSelector("vaadin-details.replace-plan")).click();
            assertThat(firstWeekday(browser, "vaadin-date-picker.start-date")).as("Monday first").startsWith("Mon");
            browser.screenshot("locale-plan-start-date-picker");

            showsUkDates(browser, "/patients/" + ada + "/check-ins", "saved at", "check-in history",
                    "locale-check-in-history");
            pickerStartsOnMonday(browser, "#check-ins-from", "locale-check-in-history-picker");

            showsUkDates(browser, "/flags", "need attention", "flag inbox", "locale-flag-inbox");
        }
    }

    @Test
    void a_patient_reads_uk_dates_on_today_and_their_history() {
        try (Browser browser = Browser.loggedIn(port, 390, 1400, "demo-patient-1", DemoMode.DEMO_PASSWORD)) {
            browser.open("/today");
            browser.until(d -> UK.matcher(browser.bodyText()).find());
            ukDates(browser, "today");
            browser.screenshot("locale-patient-today");
            pickerStartsOnMonday(browser, "#checkin-date", "locale-patient-checkin-date-picker");

            showsUkDates(browser, "/history", "saved at", "patient history", "locale-patient-history");
        }
    }

    @Test
    void an_admin_reads_uk_dates_on_the_audit_trail_and_picks_the_clinic_locale() {
        try (Browser browser = Browser.loggedIn(port, 1280, 1000, "demo-admin", DemoMode.DEMO_PASSWORD)) {
            showsUkDates(browser, "/admin/audit", "Audit trail", "audit", "locale-audit");
            pickerStartsOnMonday(browser, "vaadin-date-picker", "locale-audit-picker");

            browser.open("/clinic-settings");
            browser.waitForText("Dates and language");
            assertThat(browser.bodyText()).contains("English (United Kingdom): 29/11/2026, weeks from Monday");
            noIsoDates(browser, "clinic settings");
            browser.screenshot("locale-clinic-settings");

            browser.open("/admin/staff");
            browser.waitForText("Staff");
            noIsoDates(browser, "staff");
            browser.screenshot("locale-staff");
        }
    }
}
