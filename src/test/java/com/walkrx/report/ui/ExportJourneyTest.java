package com.walkrx.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * In Chromium, a clinician finds the export links on a patient's chart and the caseload, and each link serves
 * its file within the logged-in session (fetched by the page itself, as a click would), audited as an export.
 */
@WalkRxTest
class ExportJourneyTest extends SpringTest {

    long patient;

    @BeforeEach
    void demoPatient() {
        patient = data.patientOf("demo-patient-1");
    }

    /** Fetches the link's target in the page's session: "status content-type first-bytes". */
    private static String fetch(Browser browser, WebElement link) {
        return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href, {credentials: 'same-origin'})
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                      + Array.from(new Uint8Array(b.slice(0, 5))).map(c => String.fromCharCode(c)).join(''))))
                  .catch(e => done('error ' + e));
                """, link);
    }

    private long exports() {
        return jdbc.sql("select count(*) from audit_event where patient_id = ? and action = 'EXPORTED'").param(patient)
                .query(Long.class).single();
    }

    @Test
    void a_clinician_downloads_the_report_the_csv_and_the_fhir_bundle_from_the_chart() {
        try (Browser browser = new Browser(port, 1280, 900)) {
            browser.login("demo-clinician-1", DemoMode.DEMO_PASSWORD);
            browser.open("/patients/" + patient);
            WebElement pdf = browser.waitFor(By.cssSelector(".export-links a.export-pdf"));
            assertThat(browser.bodyText()).contains("Progress report (PDF)", "Check-ins (CSV)", "FHIR R4 Bundle");
            browser.screenshot("patient-chart-exports");

            long before = exports();
            assertThat(fetch(browser, pdf)).startsWith("200 application/pdf").endsWith("%PDF-");
            WebElement csv = browser.driver().findElement(By.cssSelector(".export-links a.export-csv"));
            assertThat(fetch(browser, csv)).startsWith("200 text/csv");
            WebElement fhir = browser.driver().findElement(By.cssSelector(".export-links a.export-fhir"));
            assertThat(fetch(browser, fhir)).startsWith("200 application/fhir+json").endsWith("{\"res");
            assertThat(exports()).isEqualTo(before + 3);
        }
    }

    @Test
    void an_admin_downloads_the_clinics_caseload_and_sees_no_patient_exports() {
        try (Browser browser = new Browser(port, 1280, 900)) {
            browser.login("demo-admin", DemoMode.DEMO_PASSWORD);
            browser.open("/caseload");
            WebElement link = browser.waitFor(By.cssSelector("a.export-caseload"));
            assertThat(link.getText()).isEqualTo("Download the clinic's caseload (CSV)");
            String reply = fetch(browser, link);
            assertThat(reply).startsWith("200 text/csv").endsWith("\u00ef\u00bb\u00bfpa"); // UTF-8 BOM, "patient_id"
            browser.screenshot("caseload-export");

            browser.open("/patients/" + patient);
            browser.waitForText("Walking against the prescription");
            List<WebElement> links = browser.driver().findElements(By.cssSelector(".export-links a"));
            assertThat(links).isEmpty();
        }
    }
}
