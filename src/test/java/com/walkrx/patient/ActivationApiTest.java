package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Api;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/v1/activation: a one-time code becomes the patient's own login, once. */
@WalkRxTest
class ActivationApiTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final String GOOD_PASSWORD = "slow walks by the river";
    static final AtomicInteger names = new AtomicInteger();


    TestData.User clinician;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        clinician = data.staff(data.clinic(), Role.CLINICIAN);
    }

    record Enrolled(long id, String code) {
    }

    Enrolled enrol() {
        Api.Reply r = Api.as(port, clinician).post("/api/v1/patients", Api.json(Map.of("givenName", "Ada",
                "familyName", "Byrne", "dateOfBirth", "1961-04-02", "condition", "SCIATICA", "acuity", "CHRONIC",
                "onsetDate", "2026-06-01")));
        assertThat(r.status()).isEqualTo(201);
        return new Enrolled(r.json().get("id").asLong(), r.json().get("activationCode").asString());
    }

    static String username() {
        return "ada-" + names.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    Api.Reply activate(String code, String username, String password) {
        return Api.anonymous(port).post("/api/v1/activation",
                Api.json(Map.of("code", code, "username", username, "password", password)));
    }

    @Test
    void a_patient_activates_logs_in_and_reads_only_their_own_record() {
        Enrolled ada = enrol();
        Enrolled other = enrol();
        String username = username();

        Api.Reply reply = activate(ada.code(), username, GOOD_PASSWORD);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("username").asString()).isEqualTo(username);
        Api.Reply own = Api.as(port, username, GOOD_PASSWORD).get("/api/v1/patients/" + ada.id());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("givenName").asString()).isEqualTo("Ada");
        assertThat(own.json().get("hasAccount").asBoolean()).isTrue();
        assertThat(Api.as(port, username, GOOD_PASSWORD).get("/api/v1/patients/" + other.id()).status()).isEqualTo(404);
        assertThat(Api.as(port, username, "wrong password 123").get("/api/v1/patients/" + ada.id()).status()).isEqualTo(401);

        String hash = jdbc.sql("select password_hash from app_user where lower(username) = lower(?)").param(username)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(jdbc.sql("select role from app_user where lower(username) = lower(?)").param(username)
                .query(String.class).single()).isEqualTo("PATIENT");
        assertThat(jdbc.sql("select used_at is not null from activation_code where patient_id = ?").param(ada.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCOUNT_ACTIVATED' and allowed and patient_id = ?")
                .param(ada.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_code_may_be_typed_in_lower_case_without_dashes() {
        Enrolled ada = enrol();
        assertThat(activate(" " + ada.code().replace("-", "").toLowerCase() + " ", username(), GOOD_PASSWORD).status())
                .isEqualTo(201);
    }

    @Test
    void a_used_code_is_refused() {
        Enrolled ada = enrol();
        assertThat(activate(ada.code(), username(), GOOD_PASSWORD).status()).isEqualTo(201);
        long users = data.count("app_user");

        Api.Reply again = activate(ada.code(), username(), GOOD_PASSWORD);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorFields()).containsExactly("code");
        assertThat(data.count("app_user")).isEqualTo(users);
    }

    @Test
    void a_wrong_code_is_refused_and_audited() {
        enrol();
        long users = data.count("app_user");
        String username = username();
        Api.Reply reply = activate("AAAA-BBBB-CCCC", username, GOOD_PASSWORD);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("code");
        assertThat(activate("", username(), GOOD_PASSWORD).errorFields()).containsExactly("code");
        assertThat(activate("SHORT", username(), GOOD_PASSWORD).errorFields()).containsExactly("code");
        assertThat(data.count("app_user")).isEqualTo(users);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCOUNT_ACTIVATED' and not allowed and username = ?")
                .param(username).query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} days after enrolment -> {1}")
    @CsvSource({"13, 201", "14, 400", "30, 400"})
    void a_code_is_valid_for_14_days(int days, int status) {
        Enrolled ada = enrol();
        clock.setDate(TODAY.plusDays(days));
        Api.Reply reply = activate(ada.code(), username(), GOOD_PASSWORD);
        assertThat(reply.status()).isEqualTo(status);
        if (status == 400) {
            assertThat(reply.errorFields()).containsExactly("code");
        }
    }

    @Test
    void a_code_stops_working_at_the_exact_instant_it_expires() {
        Enrolled ada = enrol();
        java.time.Instant expires = jdbc.sql("select expires_at from activation_code where patient_id = ?")
                .param(ada.id()).query(java.sql.Timestamp.class).single().toInstant();
        clock.setInstant(expires);
        assertThat(activate(ada.code(), username(), GOOD_PASSWORD).status()).isEqualTo(400);
        clock.setInstant(expires.minusSeconds(1));
        assertThat(activate(ada.code(), username(), GOOD_PASSWORD).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
            "elevenchars, 400",
            "twelve chars, 201",
            "password1234, 400",
            "Password1234, 400",
            "qwertyuiop12, 400",
            "123456789012, 400",
            "letmein12345, 400",
    })
    void weak_passwords_are_refused_and_the_code_stays_usable(String password, int status) {
        Enrolled ada = enrol();
        long users = data.count("app_user");
        Api.Reply reply = activate(ada.code(), username(), password);
        assertThat(reply.status()).isEqualTo(status);
        if (status == 400) {
            assertThat(reply.errorFields()).containsExactly("password");
            assertThat(data.count("app_user")).isEqualTo(users);
            assertThat(activate(ada.code(), username(), GOOD_PASSWORD).status()).isEqualTo(201);
        }
    }

    @Test
    void a_password_containing_the_username_is_refused() {
        Enrolled ada = enrol();
        String username = username();
        Api.Reply reply = activate(ada.code(), username, "my " + username.toUpperCase() + " walks");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("password");
    }

    @Test
    void an_invalid_username_is_refused() {
        Enrolled ada = enrol();
        assertThat(activate(ada.code(), "ab", GOOD_PASSWORD).errorFields()).containsExactly("username");
        assertThat(activate(ada.code(), "ada byrne", GOOD_PASSWORD).errorFields()).containsExactly("username");
        assertThat(activate(ada.code(), "", GOOD_PASSWORD).errorFields()).containsExactly("username");
    }

    @Test
    void every_problem_is_named_at_once() {
        Api.Reply reply = activate("WRONG-CODE-HERE", "x", "short");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("code", "username", "password");
    }

    @Test
    void a_taken_username_is_a_conflict_and_the_code_stays_usable() {
        Enrolled ada = enrol();
        long users = data.count("app_user");
        Api.Reply reply = activate(ada.code(), clinician.username().toUpperCase(), GOOD_PASSWORD);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("code").asString()).isEqualTo("USERNAME_TAKEN");
        assertThat(data.count("app_user")).isEqualTo(users);
        assertThat(activate(ada.code(), username(), GOOD_PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void a_code_used_by_several_requests_at_once_creates_one_account() throws Exception {
        Enrolled ada = enrol();
        long users = data.count("app_user");
        int threads = 6;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String username = username();
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return activate(ada.code(), username, GOOD_PASSWORD).status();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 400);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.count("app_user")).isEqualTo(users + 1);
        assertThat(jdbc.sql("select count(*) from app_user u join patient p on p.user_id = u.id where p.id = ?")
                .param(ada.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_new_code_replaces_the_old_one_until_the_patient_has_a_login() {
        Enrolled ada = enrol();
        Api.Reply renewed = Api.as(port, clinician).post("/api/v1/patients/" + ada.id() + "/activation-code", null);
        assertThat(renewed.status()).isEqualTo(201);
        String newCode = renewed.json().get("activationCode").asString();
        assertThat(newCode).isNotEqualTo(ada.code());

        assertThat(activate(ada.code(), username(), GOOD_PASSWORD).errorFields()).containsExactly("code");
        assertThat(activate(newCode, username(), GOOD_PASSWORD).status()).isEqualTo(201);
        assertThat(Api.as(port, clinician).post("/api/v1/patients/" + ada.id() + "/activation-code", null).status())
                .isEqualTo(409);
    }

    @Test
    void only_a_clinician_on_the_care_team_issues_a_new_code() {
        Enrolled ada = enrol();
        TestData.User colleague = data.staff(clinician.clinicId(), Role.CLINICIAN);
        TestData.User admin = data.staff(clinician.clinicId(), Role.ADMIN);
        assertThat(Api.as(port, colleague).post("/api/v1/patients/" + ada.id() + "/activation-code", null).status())
                .isEqualTo(404);
        assertThat(Api.as(port, admin).post("/api/v1/patients/" + ada.id() + "/activation-code", null).status())
                .isEqualTo(403);
        assertThat(activate(ada.code(), username(), GOOD_PASSWORD).status()).isEqualTo(201);
    }
}
