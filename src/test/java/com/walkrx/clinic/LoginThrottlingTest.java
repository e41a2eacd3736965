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
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Login throttling through both doors (HTTP Basic on the API, the login form): 5 failures in a row at
 * one address make the account wait 15 minutes there (doubling with each further failure), 20 failures
 * from one address lock the address, 50 from anywhere lock the account except where its owner logged in
 * recently, and every refusal looks the same. The clock is moved instead of waiting.
 */
@WalkRxTest
class LoginThrottlingTest extends SpringTest {

    private static final String WRONG = "not-the-password-1";

    @Autowired
    StaffService staff;

    private Instant t0;
    /** The clinician whose account the test guesses at. */
    private TestData.User user;

    @BeforeEach
    void fixClockAndUser() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setInstant(t0);
        user = data.staff(data.clinic(), Role.CLINICIAN);
    }

    /** A client at an address of its own. */
    private WebClient newClient() {
        return new WebClient(port).from(WebClient.newTestAddress());
    }

    /** The API's answer to {@code GET /api/v1/me} with the given credentials from the client. */
    private static int me(WebClient client, String username, String password) {
        return client.getAs("/api/v1/me", username, password).status();
    }

    /** {@code times} API calls with a wrong password, the n-th one for {@code username.apply(n)}: each is refused. */
    private static void refusedTimes(WebClient client, int times, IntFunction<String> username) {
        for (int i = 0; i < times; i++) {
            assertThat(me(client, username.apply(i), WRONG)).isEqualTo(401);
        }
    }

    enum Outcome { LOGS_IN, REFUSED }

    /** Wrong passwords from one client (for the usernames given), then the user's right one from it later. */
    private void rightPasswordAfter(int failures, IntFunction<String> username, Duration later, Outcome expected) {
        WebClient client = newClient();
        refusedTimes(client, failures, username);
        clock.setInstant(t0.plus(later));
        assertThat(me(client, user.username(), TestData.PASSWORD)).isEqualTo(expected == Outcome.LOGS_IN ? 200 : 401);
    }

    @ParameterizedTest(name = "{0} wrong passwords, then the right one {1} later: {2}")
    @CsvSource({
            "4, PT0S,     LOGS_IN",
            "5, PT0S,     REFUSED",
            "5, PT14M59S, REFUSED",
            "5, PT15M,    LOGS_IN",
            "6, PT15M,    LOGS_IN",
    })
    void an_account_waits_15_minutes_at_an_address_after_5_failures_there(int failures, Duration later, Outcome expected) {
        rightPasswordAfter(failures, i -> user.username(), later, expected);
    }

    @ParameterizedTest(name = "{0} failures from one address, then a good login from it {1} later: {2}")
    @CsvSource({
            "19, PT0S,     LOGS_IN",
            "20, PT0S,     REFUSED",
            "20, PT14M59S, REFUSED",
            "20, PT15M,    LOGS_IN",
    })
    void a_client_address_is_locked_for_15_minutes_after_20_failures(int failures, Duration later, Outcome expected) {
        rightPasswordAfter(failures, i -> "nobody-" + i + "-" + user.username(), later, expected);
    }

    @Test
    void a_locked_address_does_not_stop_the_same_account_from_another_address() {
        WebClient attacker = newClient();
        for (int i = 0; i < LoginSecurity.ADDRESS_MAX_FAILURES; i++) {
            attacker.getAs("/api/v1/me", "guess-" + i + "-" + user.username(), WRONG);
        }
        assertThat(me(attacker, user.username(), TestData.PASSWORD)).isEqualTo(401);
        WebClient colleague = newClient();
        assertThat(me(colleague, user.username(), TestData.PASSWORD)).isEqualTo(200);
    }

    @Test
    void a_successful_login_ends_the_run_of_failures() {
        WebClient client = newClient();
        for (int i = 0; i < 4; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        assertThat(me(client, user.username(), TestData.PASSWORD)).isEqualTo(200);
        clock.setInstant(t0.plusSeconds(1));
        for (int i = 0; i < 4; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        // 8 failures within 15 minutes, but never 5 in a row: still open.
        assertThat(me(client, user.username(), TestData.PASSWORD)).isEqualTo(200);
    }

    @Test
    void a_locked_account_a_wrong_password_an_unknown_user_and_a_deactivated_account_get_the_same_reply() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User locked = scene.clinician();
        TestData.User deactivated = data.staff(scene.clinic(), Role.CLINICIAN);
        TestData.User other = data.staff(scene.clinic(), Role.CLINICIAN);
        scene.admin().login();
        staff.deactivate(scene.admin().caller(), deactivated.id());
        WebClient client = newClient();
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
        WebClient browser = newClient();
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
        String address = WebClient.newTestAddress();
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into login_attempt (at, username_key, client_address, outcome) values (?, ?, ?, 'FAILED')")
                    .params(Timestamp.from(t0.minusSeconds(60 - i)), LoginSecurity.key(user.username()), address)
                    .update();
        }
        WebClient client = new WebClient(port).from(address);
        assertThat(me(client, user.username(), TestData.PASSWORD)).isEqualTo(401);
    }

    @Test
    void five_wrong_passwords_from_one_address_do_not_stop_the_right_password_from_another() {
        WebClient stranger = newClient();
        refusedTimes(stranger, 5, i -> user.username());
        assertThat(me(stranger, user.username(), TestData.PASSWORD)).isEqualTo(401);
        WebClient owner = newClient();
        assertThat(me(owner, user.username(), TestData.PASSWORD)).isEqualTo(200);
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
        WebClient client = newClient();
        for (int i = 0; i < 5; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        clock.setInstant(t0.plus(LoginSecurity.LOCK));
        assertThat(me(client, user.username(), WRONG)).isEqualTo(401); // 6th failure
        clock.setInstant(t0.plus(LoginSecurity.LOCK).plus(Duration.ofMinutes(29)));
        assertThat(me(client, user.username(), TestData.PASSWORD)).isEqualTo(401);
        clock.setInstant(t0.plus(LoginSecurity.LOCK).plus(Duration.ofMinutes(30)));
        assertThat(me(client, user.username(), TestData.PASSWORD)).isEqualTo(200);
    }

    @Test
    void a_guess_spread_over_many_addresses_locks_the_account_except_where_its_owner_logged_in_recently() {
        WebClient owner = newClient();
        assertThat(owner.login(user.username(), TestData.PASSWORD).location()).doesNotContain("/login");
        clock.setInstant(t0.plusSeconds(1));
        for (int i = 0; i < LoginSecurity.ACCOUNT_MAX_FAILURES; i++) {
            WebClient guesser = newClient();
            assertThat(me(guesser, user.username(), WRONG + i)).isEqualTo(401);
        }
        WebClient newAddress = newClient();
        assertThat(me(newAddress, user.username(), TestData.PASSWORD)).isEqualTo(401);
        assertThat(newClient()
                .login(user.username(), TestData.PASSWORD).location()).endsWith("/login?error");
        assertThat(me(owner, user.username(), TestData.PASSWORD)).isEqualTo(200);
    }

    @Test
    void repeated_failures_alert_the_clinic_admins() {
        for (int i = 0; i < LoginSecurity.ALERT_EVERY; i++) {
            newClient().getAs("/api/v1/me", user.username(), WRONG);
        }
        List<Map<String, Object>> alerts = jdbc.sql("select clinic_id, detail from audit_event where user_id = ? "
                + "and action = 'REPEATED_LOGIN_FAILURES'").param(user.id()).query().listOfRows();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.getFirst().get("clinic_id")).isEqualTo(user.clinicId());
        assertThat((String) alerts.getFirst().get("detail")).startsWith("10 failed logins within an hour from 10 address");
    }

    @Test
    void logins_and_failures_are_audited_with_the_client_address() {
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
