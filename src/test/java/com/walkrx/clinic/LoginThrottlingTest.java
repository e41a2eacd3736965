package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Login throttling through both doors (HTTP Basic on the API, the login form): 5 failures in 15
 * minutes lock an account for 15 minutes, 20 failures from one address lock the address, and every
 * refusal looks the same. The clock is moved instead of waiting.
 */
@WalkRxTest
class LoginThrottlingTest extends SpringTest {

    private static final String WRONG = "not-the-password-1";

    @Autowired
    StaffService staff;

    private Instant t0;

    @BeforeEach
    void fixClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setInstant(t0);
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
    void an_account_is_locked_for_15_minutes_after_5_failures(int failures, Duration later, Outcome expected) {
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
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into login_attempt (at, username_key, client_address, outcome) values (?, ?, ?, 'FAILED')")
                    .params(Timestamp.from(t0.minusSeconds(60 - i)), LoginSecurity.key(user.username()), "192.0.2.99")
                    .update();
        }
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(401);
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
