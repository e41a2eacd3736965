package com.walkrx.flag.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.base.security.UserSessions;
import com.walkrx.flag.CheckIns;
import com.walkrx.support.Browser;
import com.walkrx.support.IdleSessions;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clinician's tab left open on the live flag inbox: the flag updates pushed to it, and whatever the browser
 * sends after them, are not the clinician's activity, so the tab is logged off after the idle timeout like
 * any other. The clinician's own input in the page is activity.
 */
@WalkRxTest
class IdleInboxLogoffJourneyTest extends SpringTest {

    @Autowired UserSessions sessions;
    @Autowired CheckIns checkIns;

    @Test
    void a_tab_on_the_live_inbox_is_logged_off_after_the_idle_timeout_while_flags_keep_arriving() {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long first = data.patient(clinic, "Ines", "Okafor", null, clinician);
        long second = data.patient(clinic, "Tom", "Lindqvist", null, clinician);

        try (Browser inbox = new Browser(port, 1280, 800)) {
            inbox.login(clinician.username(), TestData.PASSWORD);
            inbox.open("/flags");
            inbox.waitFor(By.cssSelector(".flag-count-badge"));
            HttpSession session = sessions.find(inbox.driver().manage().getCookieNamed("JSESSIONID").getValue())
                    .orElseThrow();

            // the clinician's own click is activity
            IdleSessions.idleFor(session, Duration.ofMinutes(5));
            new Actions(inbox.driver()).sendKeys(Keys.SHIFT).perform();
            inbox.until(d -> System.currentTimeMillis() - UserSessions.lastActivity(session) < 60_000);

            // then they walk away; a flag is pushed to the open inbox and shown
            IdleSessions.idleFor(session, Duration.ofMinutes(14));
            checkIns.record(clinic, first, LocalDate.now(), c -> c.pain(6).bladder());
            inbox.waitForText("Cauda equina signs - Ines Okafor");
            inbox.until(d -> "1".equals(d.findElement(By.cssSelector(".flag-count-badge")).getText()));
            assertThat(System.currentTimeMillis() - UserSessions.lastActivity(session))
                    .as("a pushed update is not the clinician's activity")
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(14).toMillis());

            // fifteen idle minutes: the next request of the tab (the next push's, or a heartbeat) ends the session
            IdleSessions.idleFor(session, Duration.ofMinutes(15));
            checkIns.record(clinic, second, LocalDate.now(), c -> c.pain(6).bladder());
            new WebDriverWait(inbox.driver(), Duration.ofSeconds(90)) // a heartbeat comes every 60 s
                    .until(d -> inbox.path().startsWith("/login?timeout"));
            inbox.waitForText("You were logged out after a period of inactivity");
            inbox.screenshot("idle-inbox-logged-off");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'LOGGED_OUT' "
                + "and detail = 'after inactivity'").param(clinician.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_page_counts_down_before_the_logoff_stay_logged_in_keeps_the_session_and_the_end_is_never_silent() {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        data.patient(clinic, "Ines", "Okafor", null, clinician);

        try (Browser inbox = new Browser(port, 1280, 800)) {
            inbox.login(clinician.username(), TestData.PASSWORD);
            inbox.open("/flags");
            inbox.waitFor(By.cssSelector(".flag-count-badge"));
            assertThat(inbox.driver().findElement(By.cssSelector(".idle-warning")).isDisplayed())
                    .as("no countdown while the clinician is active").isFalse();
            HttpSession session = sessions.find(inbox.driver().manage().getCookieNamed("JSESSIONID").getValue())
                    .orElseThrow();

            // 13 idle minutes and a half: the page shows how long is left and that alerts stop then
            IdleSessions.idleFor(session, Duration.ofSeconds(13 * 60 + 30));
            WebElement warning = new WebDriverWait(inbox.driver(), Duration.ofSeconds(60))
                    .until(d -> d.findElement(By.cssSelector(".idle-warning")).isDisplayed()
                            ? d.findElement(By.cssSelector(".idle-warning")) : null);
            assertThat(warning.getText()).contains("you will be logged out in", "Alerts for new flags stop");
            assertThat(warning.findElement(By.cssSelector(".idle-countdown")).getText()).matches("[01]:[0-5][0-9]");
            inbox.screenshot("idle-countdown");

            // "Stay logged in" is the clinician's own input: the session goes on and the banner goes away
            warning.findElement(By.cssSelector(".idle-stay")).click();
            inbox.until(d -> !d.findElement(By.cssSelector(".idle-warning")).isDisplayed());
            assertThat(System.currentTimeMillis() - UserSessions.lastActivity(session)).isLessThan(60_000);

            // walked away for good: the page itself ends the session at zero, and the login page says alerts stopped
            IdleSessions.idleFor(session, Duration.ofMinutes(15));
            new WebDriverWait(inbox.driver(), Duration.ofSeconds(60))
                    .until(d -> inbox.path().startsWith("/login?timeout"));
            inbox.waitForText("stopped receiving alerts for new flags");
            inbox.screenshot("idle-logged-off-notice");
        }
    }
}
