package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.MutableClock;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Login throttling through both doors (HTTP Basic on the API, the login form): 5 failures in a row at
 * one address make the account wait 15 minutes there (doubling with each further failure), 20 failures
 * from one address lock the address, 50 from anywhere lock the account except where its owner logged in
 * recently, and every refusal looks the same. The clock is moved instead of waiting.
 */
@WalkRxTest
class LoginThrottlingTest {

    private static final String WRONG = "not-the-password-1";

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffService staff;

    private Instant t0;

    @BeforeEach
    void fixClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setInstant(t0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    enum Outcome { LOGS_IN, REFUSED }

    @ParameterizedTest(name = "{0} wrong passwords, then the right one {1} later: {2}")
    @CsvSource({
            "4, PT0S,     LOGS_IN",
            "5, PT0S,     REFUSED",
            "5, PT14M59S, REFUSED",
            "5, PT15M,    LOGS_IN",
            "6, PT15M,    LOGS_IN",
    })
    void an_account_waits_15_minutes_at_an_address_after_5_failures_there(int failures, Duration later, Outcome expected) {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < failures; i++) {
            assertThat(client.getAs("/api/v1/me", user.username(), WRONG).status()).isEqualTo(401);
        }
        clock.setInstant(t0.plus(later));
        WebClient.Reply reply = client.getAs("/api/v1/me", user.username(), TestData.PASSWORD);
        assertThat(reply.status()).isEqualTo(expected == Outcome.LOGS_IN ? 200 : 401);
    }

    @ParameterizedTest(name = "{0} failures from one address, then a good login from it {1} later: {2}")
    @CsvSource({
            "19, PT0S,     LOGS_IN",
            "20, PT0S,     REFUSED",
            "20, PT14M59S, REFUSED",
            "20, PT15M,    LOGS_IN",
    })
    void a_client_address_is_locked_for_15_minutes_after_20_failures(int failures, Duration later, Outcome expected) {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < failures; i++) {
            assertThat(client.getAs("/api/v1/me", "nobody-" + i + "-" + user.username(), WRONG).status())
                    .isEqualTo(401);
        }
        clock.setInstant(t0.plus(later));
        assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status())
                .isEqualTo(expected == Outcome.LOGS_IN ? 200 : 401);
    }

    @Test
    void a_locked_address_does_not_stop_the_same_account_from_another_address() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient attacker = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < LoginSecurity.ADDRESS_MAX_FAILURES; i++) {
            attacker.getAs("/api/v1/me", "guess-" + i + "-" + user.username(), WRONG);
        }
        assertThat(attacker.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(401);
        WebClient colleague = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(colleague.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_successful_login_ends_the_run_of_failures() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < 4; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(200);
        clock.setInstant(t0.plusSeconds(1));
        for (int i = 0; i < 4; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        // 8 failures within 15 minutes, but never 5 in a row: still open.
        assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_locked_account_a_wrong_password_an_unknown_user_and_a_deactivated_account_get_the_same_reply() {
        long clinic = data.clinic();
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        TestData.User locked = data.staff(clinic, Role.CLINICIAN);
        TestData.User deactivated = data.staff(clinic, Role.CLINICIAN);
        TestData.User other = data.staff(clinic, Role.CLINICIAN);
        admin.login();
        staff.deactivate(admin.caller(), deactivated.id());
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < 5; i++) {
            client.getAs("/api/v1/me", locked.username(), WRONG);
        }

        List<WebClient.Reply> replies = List.of(
                client.getAs("/api/v1/me", locked.username(), TestData.PASSWORD),
                client.getAs("/api/v1/me", other.username(), WRONG),
                client.getAs("/api/v1/me", "no-such-user-" + other.username(), WRONG),
                client.getAs("/api/v1/me", deactivated.username(), TestData.PASSWORD));

        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(replies.get(1).body());
            assertThat(r.header("WWW-Authenticate")).isEqualTo(replies.get(1).header("WWW-Authenticate"));
        });
    }

    @Test
    void the_login_form_is_throttled_too_and_a_locked_account_sees_the_usual_error() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient browser = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(browser.login(user.username(), WRONG).location()).endsWith("/login?error");
        }

        assertThat(browser.login(user.username(), TestData.PASSWORD).location()).endsWith("/login?error");
        assertThat(browser.get("/caseload").status()).isEqualTo(302);

        clock.setInstant(t0.plus(LoginSecurity.LOCK));
        assertThat(browser.login(user.username(), TestData.PASSWORD).location()).doesNotContain("/login");
        assertThat(browser.get("/caseload").status()).isEqualTo(200);
    }

    @Test
    void failures_recorded_by_another_app_instance_lock_the_account_here() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        String address = WebClient.newTestAddress();
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into login_attempt (at, username_key, client_address, outcome) values (?, ?, ?, 'FAILED')")
                    .params(Timestamp.from(t0.minusSeconds(60 - i)), LoginSecurity.key(user.username()), address)
                    .update();
        }
        WebClient client = new WebClient(port).from(address);
        assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void five_wrong_passwords_from_one_address_do_not_stop_the_right_password_from_another() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient stranger = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < 5; i++) {
            assertThat(stranger.getAs("/api/v1/me", user.username(), WRONG).status()).isEqualTo(401);
        }
        assertThat(stranger.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(401);
        WebClient owner = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(owner.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(200);
        assertThat(owner.login(user.username(), TestData.PASSWORD).location()).doesNotContain("/login");
    }

    @ParameterizedTest(name = "failure number {0} at one address: the next try waits {1}")
    @CsvSource({
            "4,  PT0S",
            "5,  PT15M",
            "6,  PT30M",
            "7,  PT1H",
            "9,  PT4H",
            "10, PT8H",
            "30, PT8H",
    })
    void each_further_failure_at_an_address_doubles_the_wait(long failures, Duration wait) {
        assertThat(LoginSecurity.pairLock(failures)).isEqualTo(wait);
    }

    @Test
    void a_failure_after_the_wait_doubles_it() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());
        for (int i = 0; i < 5; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        clock.setInstant(t0.plus(LoginSecurity.LOCK));
        assertThat(client.getAs("/api/v1/me", user.username(), WRONG).status()).isEqualTo(401); // 6th failure
        clock.setInstant(t0.plus(LoginSecurity.LOCK).plus(Duration.ofMinutes(29)));
        assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(401);
        clock.setInstant(t0.plus(LoginSecurity.LOCK).plus(Duration.ofMinutes(30)));
        assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_guess_spread_over_many_addresses_locks_the_account_except_where_its_owner_logged_in_recently() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        WebClient owner = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(owner.login(user.username(), TestData.PASSWORD).location()).doesNotContain("/login");
        clock.setInstant(t0.plusSeconds(1));
        for (int i = 0; i < LoginSecurity.ACCOUNT_MAX_FAILURES; i++) {
            WebClient guesser = new WebClient(port).from(WebClient.newTestAddress());
            assertThat(guesser.getAs("/api/v1/me", user.username(), WRONG + i).status()).isEqualTo(401);
        }
        WebClient newAddress = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(newAddress.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(401);
        assertThat(owner.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(200);
        assertThat(new WebClient(port).from(WebClient.newTestAddress())
                .login(user.username(), TestData.PASSWORD).location()).endsWith("/login?error");
    }

    @Test
    void repeated_failures_alert_the_clinic_admins() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        for (int i = 0; i < LoginSecurity.ALERT_EVERY; i++) {
            new WebClient(port).from(WebClient.newTestAddress()).getAs("/api/v1/me", user.username(), WRONG);
        }
        List<Map<String, Object>> alerts = jdbc.sql("select clinic_id, detail from audit_event where user_id = ? "
                + "and action = 'REPEATED_LOGIN_FAILURES'").param(user.id()).query().listOfRows();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().get("clinic_id")).isEqualTo(user.clinicId());
        assertThat((String) alerts.getFirst().get("detail")).startsWith("10 failed logins within an hour from 10 address");
    }

    @Test
    void logins_and_failures_are_audited_with_the_client_address() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        String address = WebClient.newTestAddress();
        WebClient client = new WebClient(port).from(address);
        client.getAs("/api/v1/me", user.username(), WRONG);
        client.getAs("/api/v1/me", user.username(), TestData.PASSWORD);
        client.getAs("/api/v1/me", user.username(), TestData.PASSWORD);
        client.login(user.username(), TestData.PASSWORD);
        clock.setInstant(t0.plusSeconds(1));
        for (int i = 0; i < 5; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        client.getAs("/api/v1/me", user.username(), TestData.PASSWORD);

        List<Map<String, Object>> rows = jdbc.sql("select action, client_address, detail, allowed, clinic_id from audit_event "
                        + "where user_id = ? order by id").param(user.id()).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("action") + " " + r.get("detail")).containsExactly(
                "LOGIN_FAILED API: wrong password",
                "LOGGED_IN API", // the second API call within 15 minutes is not a new login entry
                "LOGGED_IN login form",
                "LOGIN_FAILED API: wrong password",
                "LOGIN_FAILED API: wrong password",
                "LOGIN_FAILED API: wrong password",
                "LOGIN_FAILED API: wrong password",
                "LOGIN_FAILED API: wrong password",
                "LOGIN_FAILED API: refused, too many recent failures for the account or address");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("client_address")).isEqualTo(address);
            assertThat(r.get("clinic_id")).isEqualTo(user.clinicId());
        });
    }
}
