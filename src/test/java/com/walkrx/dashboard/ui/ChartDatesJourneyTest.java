package com.walkrx.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Browser;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Real Chromium on the demo clinic (en-GB): the patient chart's tooltip heads its values with the day as
 * dd/MM/yyyy, never ECharts' ISO date, and the time axis's ticks read "29 Nov". Screenshot chart-tooltip.png.
 */
@WalkRxTest
class ChartDatesJourneyTest extends SpringTest {

    @Test
    void the_pain_chart_tooltip_and_ticks_use_the_clinics_locale() {
        clock.reset();
        long ada = jdbc.sql("select id from patient where given_name = 'Ada' and family_name = 'Byrne'")
                .query(Long.class).list().getFirst();
        try (Browser browser = new Browser(port, 1280, 1000)) {
            browser.login("demo-clinician-1", DemoMode.DEMO_PASSWORD);
            browser.open("/patients/" + ada);
            WebElement chart = browser.waitFor(By.cssSelector("walkrx-chart[rendered]"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            browser.until(d -> js.executeScript(
                    "return typeof arguments[0]._chart.getOption().tooltip[0].formatter === 'function'", chart));
            assertThat(js.executeScript("return arguments[0]._chart.getOption().xAxis[0].axisLabel"
                    + ".formatter(new Date(2026, 10, 29).getTime())", chart)).isEqualTo("29 Nov");

            new Actions(browser.driver()).moveToElement(chart, chart.getSize().width / 4, 0).perform();
            String tooltip = browser.until(d -> {
                Object text = js.executeScript("const t = Array.from(arguments[0].querySelectorAll('div'))"
                        + ".find(e => e.style.position === 'absolute' && e.style.display !== 'none'"
                        + " && /\\d/.test(e.textContent)); return t ? t.textContent : null;", chart);
                return text == null ? null : text.toString();
            });
            assertThat(tooltip).containsPattern("^\\d{2}/\\d{2}/20\\d{2}").doesNotContainPattern("20\\d\\d-\\d\\d-\\d\\d");
            browser.screenshot("chart-tooltip");
        }
    }
}
