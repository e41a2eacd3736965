package com.walkrx.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.util.regex.Pattern;
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

    private long patient(String given, String family) {
        return jdbc.sql("select id from patient where given_name = ? and family_name = ?").params(given, family)
                .query(Long.class).list().getFirst();
    }

    @Test
    void a_clinician_reads_uk_dates_on_the_caseload_chart_plan_check_ins_and_flags() {
        clock.reset();
        long ada = patient("Ada", "Byrne");
        try (Browser browser = new Browser(port, 1280, 1000)) {
            browser.login("demo-clinician-1", DemoMode.DEMO_PASSWORD);
            browser.open("/caseload");
            browser.waitForText("Ada Byrne");
            noIsoDates(browser, "caseload");
            browser.screenshot("locale-caseload");

            browser.open("/patients/" + ada);
            browser.waitForText("Walking against the prescription");
            ukDates(browser, "patient chart");
            browser.screenshot("locale-patient-chart");

            browser.open("/patients/" + ada + "/plan");
            browser.waitForText("History");
            browser.until(d -> UK.matcher(browser.bodyText()).find());
            ukDates(browser, "plan panel");
            browser.screenshot("locale-plan-panel");
            browser.driver().findElement(By.cssSelector("vaadin-details.replace-plan")).click();
            assertThat(firstWeekday(browser, "vaadin-date-picker.start-date")).as("Monday first").startsWith("Mon");
            browser.screenshot("locale-plan-start-date-picker");

            browser.open("/patients/" + ada + "/check-ins");
            browser.waitForText("saved at");
            ukDates(browser, "check-in history");
            browser.screenshot("locale-check-in-history");
            assertThat(firstWeekday(browser, "#check-ins-from")).startsWith("Mon");
            browser.screenshot("locale-check-in-history-picker");

            browser.open("/flags");
            browser.waitForText("need attention");
            browser.until(d -> UK.matcher(browser.bodyText()).find());
            ukDates(browser, "flag inbox");
            browser.screenshot("locale-flag-inbox");
        }
    }

    @Test
    void a_patient_reads_uk_dates_on_today_and_their_history() {
        clock.reset();
        try (Browser browser = new Browser(port, 390, 1400)) {
            browser.login("demo-patient-1", DemoMode.DEMO_PASSWORD);
            browser.open("/today");
            browser.until(d -> UK.matcher(browser.bodyText()).find());
            ukDates(browser, "today");
            browser.screenshot("locale-patient-today");
            assertThat(firstWeekday(browser, "#checkin-date")).startsWith("Mon");
            browser.screenshot("locale-patient-checkin-date-picker");

            browser.open("/history");
            browser.waitForText("saved at");
            ukDates(browser, "patient history");
            browser.screenshot("locale-patient-history");
        }
    }

    @Test
    void an_admin_reads_uk_dates_on_the_audit_trail_and_picks_the_clinic_locale() {
        clock.reset();
        try (Browser browser = new Browser(port, 1280, 1000)) {
            browser.login("demo-admin", DemoMode.DEMO_PASSWORD);
            browser.open("/admin/audit");
            browser.waitForText("Audit trail");
            browser.until(d -> UK.matcher(browser.bodyText()).find());
            ukDates(browser, "audit");
            browser.screenshot("locale-audit");
            assertThat(firstWeekday(browser, "vaadin-date-picker")).startsWith("Mon");
            browser.screenshot("locale-audit-picker");

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
