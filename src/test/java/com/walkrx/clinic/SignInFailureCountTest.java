package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.cluster.ClusterLock;
import com.walkrx.base.security.AccountGuard;
import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refused sign-ins are counted per client address, account, reason and hour instead of written one row each (a
 * locked-out client in a loop adds to a count, and to the audit trail once); usernames that match no account are
 * counted too, without a clinic; old records of every username are purged, by one instance at a time.
 */
@WalkRxTest
class SignInFailureCountTest extends SpringTest {

    private static final String WRONG = "not-the-password-1";

    @Autowired
    SignInRecordsPurge purge;
    @Autowired
    SignInFailureService failures;
    @Autowired
    DataSource dataSource;

    private Instant t0;

    @BeforeEach
    void fixClock() {
        // the middle of an hour, so every attempt of a test falls in one counting window
        t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(20));
        clock.setInstant(t0);
    }

    @Test
    void a_locked_out_client_retrying_adds_to_one_count_and_one_audit_entry() {
        TestData.User user = data.staff(data.clinic(), Role.CLINICIAN);
        String address = WebClient.newTestAddress();
        WebClient client = new WebClient(port).from(address);
        for (int i = 0; i < LoginSecurity.PAIR_MAX_FAILURES; i++) {
            client.getAs("/api/v1/me", user.username(), WRONG);
        }
        long attemptsBefore = data.count("login_attempt");
        for (int i = 0; i < 30; i++) {
            assertThat(client.getAs("/api/v1/me", user.username(), TestData.PASSWORD).status()).isEqualTo(401);
        }

        assertThat(data.count("login_attempt")).as("no throttle row per refusal").isEqualTo(attemptsBefore);
        assertThat(counts(address)).containsExactlyInAnyOrder(
                user.clinicId() + " " + user.id() + " BAD_CREDENTIALS API 5",
                user.clinicId() + " " + user.id() + " LOCKED_OUT API 30");
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and client_address = ? and detail like "
                + "'%refused%'").params(user.id(), address).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void usernames_that_match_no_account_are_counted_per_address_and_hour_without_a_clinic() {
        String address = WebClient.newTestAddress();
        WebClient client = new WebClient(port).from(address);
        for (int i = 0; i < 3; i++) {
            client.getAs("/api/v1/me", "nobody-" + i + "-" + System.nanoTime(), WRONG);
        }
        clock.setInstant(t0.plus(SignInFailureLog.WINDOW));
        client.login("nobody-else-" + System.nanoTime(), WRONG);

        assertThat(counts(address)).containsExactlyInAnyOrder("null null BAD_CREDENTIALS API 3",
                "null null BAD_CREDENTIALS FORM 1");
        String operator = WebClient.newTestAddress();
        List<SignInFailure> rows = failures.withoutAccount(1, SignInFailureService.MAX_ROWS, operator).stream()
                .filter(f -> address.equals(f.clientAddress())).toList();
        assertThat(rows).extracting(SignInFailure::attempts).containsExactly(1, 3); // latest first
        assertThat(rows.get(1).windowStart()).isEqualTo(t0.truncatedTo(ChronoUnit.HOURS));
        assertThat(rows.get(1).firstAt()).isEqualTo(t0);
        assertThat(rows).allSatisfy(r -> assertThat(r.username()).isNull());
        assertThat(failures.byAddress(1, SignInFailureService.MAX_ROWS, operator)).filteredOn(a ->
                address.equals(a.clientAddress())).singleElement().satisfies(a -> {
                    assertThat(a.attempts()).isEqualTo(4);
                    assertThat(a.unknownUsernameAttempts()).isEqualTo(4);
                    assertThat(a.accounts()).isZero();
                });
        assertThat(jdbc.sql("select username, detail from audit_event where clinic_id is null and action = "
                        + "'VIEWED_SIGN_IN_FAILURES' and client_address = ? order by id").param(operator).query()
                .listOfRows()).extracting(r -> r.get("username") + ": " + r.get("detail")).satisfiesExactly(
                e -> assertThat(e).matches("operator: sign-in failures without an account of the last day; \\d+ shown"),
                e -> assertThat(e).matches("operator: sign-in failures per address of the last day; \\d+ shown"));
    }

    @Test
    void a_clinic_admin_sees_the_failures_of_their_own_clinic_only_and_the_read_is_audited() {
        TestData.User admin = data.staff(data.clinic(), Role.ADMIN);
        TestData.User mine = data.staff(admin.clinicId(), Role.CLINICIAN);
        TestData.User other = data.staff(data.clinic(), Role.CLINICIAN);
        String address = WebClient.newTestAddress();
        WebClient client = new WebClient(port).from(address);
        client.getAs("/api/v1/me", mine.username(), WRONG);
        client.getAs("/api/v1/me", mine.username(), WRONG);
        client.getAs("/api/v1/me", other.username(), WRONG);

        admin.login();
        List<SignInFailure> rows = failures.clinicFailures(admin.caller(), 0, 50);

        assertThat(rows).extracting(f -> f.username() + " " + f.clientAddress() + " " + f.attempts())
                .containsExactly(mine.username() + " " + address + " 2");
        assertThat(rows.getFirst().reason()).isEqualTo(AccountGuard.Failure.BAD_CREDENTIALS);
        assertThat(jdbc.sql("select detail from audit_event where user_id = ? and action = 'VIEWED_SIGN_IN_FAILURES'")
                .param(admin.id()).query(String.class).list()).containsExactly("sign-in failures of the clinic, rows 1-1");
    }

    @Test
    void the_operator_view_names_a_bad_period_or_limit() {
        assertThatThrownBy(() -> failures.withoutAccount(0, 10, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("days");
        assertThatThrownBy(() -> failures.byAddress(7, SignInFailureService.MAX_ROWS + 1, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit");
    }

    @Test
    void old_records_of_every_username_are_purged_and_recent_ones_kept() {
        String name = "someone-else-" + System.nanoTime();
        String address = WebClient.newTestAddress();
        Instant now = Instant.now();
        clock.setInstant(now);
        attempt(name, address, now.minus(SignInRecordsPurge.ATTEMPTS).minusSeconds(1));
        attempt(name, address, now.minus(SignInRecordsPurge.ATTEMPTS).plusSeconds(60));
        known(name, "old-" + address, now.minus(LoginSecurity.KNOWN_ADDRESS).minusSeconds(1));
        known(name, address, now.minusSeconds(60));
        counted(address, now.minus(SignInRecordsPurge.FAILURES).minusSeconds(1));
        counted(address, now.minus(SignInRecordsPurge.FAILURES).plus(SignInFailureLog.WINDOW.multipliedBy(2)));

        assertThat(purge.purge()).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(3));

        assertThat(jdbc.sql("select count(*) from login_attempt where username_key = ?").param(name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select client_address from login_address where username_key = ?").param(name)
                .query(String.class).list()).containsExactly(address);
        assertThat(counts(address)).hasSize(1);
    }

    @Test
    void while_another_instance_purges_this_one_skips_the_round() throws Exception {
        String address = WebClient.newTestAddress();
        clock.setInstant(Instant.now());
        counted(address, clock.instant().minus(SignInRecordsPurge.FAILURES).minusSeconds(60));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, ClusterLock.NAMESPACE);
                lock.setInt(2, ClusterLock.key(SignInRecordsPurge.JOB));
                lock.execute();
            }
            assertThat(purge.purge()).isEmpty();
            assertThat(counts(address)).hasSize(1);
            other.rollback();
        }
        assertThat(purge.purge()).isPresent();
        assertThat(counts(address)).isEmpty();
    }

    private List<String> counts(String address) {
        return jdbc.sql("select clinic_id, user_id, reason, channel, attempts from sign_in_failure "
                        + "where client_address = ? order by id").param(address).query().listOfRows().stream()
                .map((Map<String, Object> r) -> r.get("clinic_id") + " " + r.get("user_id") + " " + r.get("reason") + " "
                        + r.get("channel") + " " + r.get("attempts"))
                .toList();
    }

    private void attempt(String name, String address, Instant at) {
        jdbc.sql("insert into login_attempt (at, username_key, client_address, outcome) values (?, ?, ?, 'FAILED')")
                .params(Timestamp.from(at), name, address).update();
    }

    private void known(String name, String address, Instant at) {
        jdbc.sql("insert into login_address (username_key, client_address, last_success_at) values (?, ?, ?)")
                .params(name, address, Timestamp.from(at)).update();
    }

    private void counted(String address, Instant at) {
        jdbc.sql("insert into sign_in_failure (window_start, client_address, reason, channel, attempts, first_at, last_at) "
                        + "values (?, ?, 'BAD_CREDENTIALS', 'API', 1, ?, ?)")
                .params(Timestamp.from(SignInFailureLog.windowStart(at)), address, Timestamp.from(at), Timestamp.from(at))
                .update();
    }
}
