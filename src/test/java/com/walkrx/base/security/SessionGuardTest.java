package com.walkrx.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SpringTest;
import com.walkrx.support.IdleSessions;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import jakarta.servlet.http.HttpSession;
import com.walkrx.support.SharedTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Automatic logoff: a UI session ends after the session timeout without user activity, even while
 * the tab sends Vaadin heartbeats; and it ends when the account is deactivated (also by another app
 * instance). Instead of waiting, the test moves the session's last activity back in time.
 */
@WalkRxTest
class SessionGuardTest extends SpringTest {

    @Autowired
    UserSessions sessions;

    @Test
    void a_session_times_out_after_15_idle_minutes_by_default() {
        WebClient browser = loggedIn(data.clinician());
        assertThat(session(browser).getMaxInactiveInterval()).isEqualTo(15 * 60);
    }

    @Test
    void heartbeats_do_not_keep_an_idle_session_alive() {
        TestData.User user = openCaseloadAsANewClinician();

        IdleSessions.idleFor(session, Duration.ofMinutes(14).plusSeconds(59));
        assertThat(browser.heartbeat(ui).status()).isEqualTo(200);
        assertThat(System.currentTimeMillis() - SessionGuardFilter.lastActivity(session))
                .as("a heartbeat is not activity").isGreaterThanOrEqualTo(Duration.ofMinutes(14).toMillis());

        IdleSessions.idleFor(session, Duration.ofMinutes(15));
        WebClient.Reply heartbeat = browser.heartbeat(ui);

        assertThat(heartbeat.status()).as("Vaadin: session expired").isEqualTo(403);
        assertThat(sessions.find(browser.sessionId())).isEmpty();
        WebClient.Reply page = browser.get("/caseload");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login?timeout");
        assertThat(loggedOut(user, "after inactivity")).isEqualTo(1);
    }

    @Test
    void user_activity_keeps_the_session() {
        openCaseloadAsANewClinician();

        IdleSessions.idleFor(session, Duration.ofMinutes(14));
        assertThat(browser.get("/caseload").status()).isEqualTo(200);
        IdleSessions.idleFor(session, Duration.ofMinutes(14), false); // the Vaadin UI was idle, the page request was not

        assertThat(browser.heartbeat(ui).status()).isEqualTo(200);
        assertThat(browser.get("/caseload").status()).isEqualTo(200);
    }

    @Test
    void a_login_after_a_long_wait_on_the_login_page_starts_a_fresh_session() {
        TestData.User user = data.clinician();
        WebClient browser = new WebClient(port).from(WebClient.newTestAddress());
        String token = WebClient.csrfTokenOf(browser.get("/login").body());
        browser.openUi("login");
        IdleSessions.idleFor(sessions.find(browser.sessionId()).orElseThrow(), Duration.ofMinutes(16));

        assertThat(browser.login(user.username(), TestData.PASSWORD, token).location()).doesNotContain("/login");

        int ui = browser.openUi("caseload");
        assertThat(browser.heartbeat(ui).status()).isEqualTo(200);
        assertThat(browser.get("/caseload").status()).isEqualTo(200);
    }

    @Test
    void a_shorter_configured_timeout_logs_off_sooner() {
        openCaseloadAsANewClinician();
        session.setMaxInactiveInterval(60);

        IdleSessions.idleFor(session, Duration.ofSeconds(59));
        assertThat(browser.heartbeat(ui).status()).isEqualTo(200);
        IdleSessions.idleFor(session, Duration.ofSeconds(60));
        assertThat(browser.heartbeat(ui).status()).isEqualTo(403);
        assertThat(browser.get("/caseload").location()).endsWith("/login?timeout");
    }

    @Test
    void a_session_ends_12_hours_after_the_login_however_active_it_was() {
        TestData.User user = openCaseloadAsANewClinician();

        IdleSessions.loggedInFor(session, Duration.ofHours(11).plusMinutes(59));
        assertThat(browser.get("/caseload").status()).isEqualTo(200);
        IdleSessions.loggedInFor(session, Duration.ofHours(12));
        assertThat(browser.heartbeat(ui).status()).as("Vaadin: session expired").isEqualTo(403);
        assertThat(browser.get("/caseload").location()).endsWith("/login?timeout");
        assertThat(loggedOut(user, "after the session's maximum lifetime")).isEqualTo(1);
    }

    @Test
    void vaadin_requests_alone_are_not_activity_page_loads_are() {
        openCaseloadAsANewClinician();

        IdleSessions.idleFor(session, Duration.ofMinutes(10));
        assertThat(browser.get("/?v-r=init&location=flags&query=").status()).isEqualTo(200);
        assertThat(browser.heartbeat(ui).status()).isEqualTo(200);
        assertThat(System.currentTimeMillis() - UserSessions.lastActivity(session))
                .as("requests of Vaadin's client engine").isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());

        assertThat(browser.get("/flags").status()).isEqualTo(200);
        assertThat(System.currentTimeMillis() - UserSessions.lastActivity(session))
                .as("a page load").isLessThan(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void an_account_deactivated_by_another_instance_is_logged_off_at_its_next_request() {
        TestData.User user = data.clinician();
        WebClient browser = loggedIn(user);
        int ui = browser.openUi("caseload");

        // Another instance changed the database; this one's session registry knows nothing of it.
        jdbc.sql("update app_user set enabled = false where id = ?").param(user.id()).update();
        // checked on every request: no periodic check to wait for

        assertThat(browser.heartbeat(ui).status()).isEqualTo(403);
        assertThat(browser.get("/caseload").status()).isEqualTo(302);
        assertThat(loggedOut(user, "account deactivated")).isEqualTo(1);
    }

    @Test
    void a_session_notice_from_another_instance_ends_the_users_sessions_here_at_once() throws Exception {
        TestData.User user = data.clinician();
        TestData.User other = data.clinician();
        WebClient browser = loggedIn(user);
        WebClient bystander = loggedIn(other);
        int ui = browser.openUi("caseload");

        // What another instance's password reset or deactivation sends, on a connection of its own.
        try (Connection c = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("select pg_notify('" + UserSessions.CHANNEL + "', '" + user.id() + "')");
        }

        Awaitility.await("ended without any request of its own").atMost(Duration.ofSeconds(20))
                .until(() -> sessions.find(browser.sessionId()).isEmpty());
        assertThat(browser.heartbeat(ui).status()).isEqualTo(403);
        assertThat(sessions.find(bystander.sessionId())).as("another user's session").isPresent();
    }

    /** The browser, the caseload's Vaadin UI and the HTTP session of {@link #openCaseloadAsANewClinician}. */
    private WebClient browser;
    private int ui;
    private HttpSession session;

    /** Logs a new clinician in from a browser of their own and opens the caseload: the clinician. */
    private TestData.User openCaseloadAsANewClinician() {
        TestData.User clinician = data.clinician();
        browser = loggedIn(clinician);
        ui = browser.openUi("caseload");
        session = session(browser);
        return clinician;
    }

    private WebClient loggedIn(TestData.User user) {
        WebClient browser = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(browser.login(user.username(), TestData.PASSWORD).location()).doesNotContain("/login");
        return browser;
    }

    /** How often the user's logout for that reason is in the audit trail. */
    private long loggedOut(TestData.User user, String detail) {
        return jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'LOGGED_OUT' and detail = ?")
                .params(user.id(), detail).query(Long.class).single();
    }

    private HttpSession session(WebClient browser) {
        return sessions.find(browser.sessionId()).orElseThrow();
    }
}
