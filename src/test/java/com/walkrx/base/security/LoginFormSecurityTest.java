package com.walkrx.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The login form over raw HTTP: CSRF protection, a new session id at login, logout ending the session. */
@WalkRxTest
class LoginFormSecurityTest extends SpringTest {

    @Autowired
    UserSessions sessions;

    private TestData.User user;
    private String address;
    /** The user's browser, at an address of its own. */
    private WebClient browser;

    @BeforeEach
    void userAndBrowser() {
        user = data.staff(data.clinic(), Role.CLINICIAN);
        address = WebClient.newTestAddress();
        browser = new WebClient(port).from(address);
    }

    /** The browser loads the login page, posts the form fields and is refused, and still not logged in. */
    private void assertRefused(Map<String, String> form) {
        browser.get("/login");
        assertThat(browser.postForm("/login", form).status()).isEqualTo(403);
        assertThat(browser.get("/caseload").status()).isEqualTo(302);
    }

    @Test
    void a_login_post_without_the_csrf_token_is_refused() {
        assertRefused(Map.of("username", user.username(), "password", TestData.PASSWORD));
        assertThat(loginsOf(user)).isZero();
    }

    @Test
    void a_login_post_with_a_wrong_csrf_token_is_refused() {
        assertRefused(Map.of("username", user.username(), "password", TestData.PASSWORD, "_csrf", "forged-token"));
    }

    @Test
    void a_login_post_with_the_token_of_its_page_logs_in() {

        WebClient.Reply reply = browser.login(user.username(), TestData.PASSWORD);

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).doesNotContain("/login");
        assertThat(browser.get("/caseload").status()).isEqualTo(200);
        assertThat(loginsOf(user)).isEqualTo(1);
    }

    @Test
    void the_session_id_changes_at_login_and_the_old_one_is_worthless() {
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        browser.login(user.username(), TestData.PASSWORD);
        String after = browser.sessionId();

        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(sessions.find(before)).isEmpty();
        WebClient attacker = new WebClient(port);
        attacker.useSessionId(before);
        assertThat(attacker.get("/caseload").status()).isEqualTo(302);
    }

    @Test
    void logout_invalidates_the_session_and_is_audited() {
        browser.login(user.username(), TestData.PASSWORD);
        String session = browser.sessionId();
        assertThat(sessions.find(session)).isPresent();

        WebClient.Reply reply = browser.logout();

        assertThat(reply.location()).endsWith("/login?logout");
        assertThat(sessions.find(session)).isEmpty();
        WebClient replay = new WebClient(port);
        replay.useSessionId(session);
        WebClient.Reply page = replay.get("/caseload");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login");
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'LOGGED_OUT' "
                + "and detail = 'logout' and client_address = ?").params(user.id(), address).query(Long.class).single())
                .isEqualTo(1);
    }

    private long loginsOf(TestData.User user) {
        return jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'LOGGED_IN'")
                .param(user.id()).query(Long.class).single();
    }
}
