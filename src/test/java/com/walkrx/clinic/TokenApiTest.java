package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API tokens: issued for a password, used as Bearer, listed and revoked by their owner, expiring. */
@WalkRxTest
class TokenApiTest extends SpringTest {

    private Instant t0;

    @BeforeEach
    void fixClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setInstant(t0);
    }

    private String tokenFor(TestData.User user, String device) {
        Api.Reply r = Api.anonymous(port).post("/api/v1/auth/tokens", Api.json(Map.of(
                "username", user.username(), "password", TestData.PASSWORD, "deviceName", device)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    @Test
    void a_patient_token_works_as_bearer_is_stored_as_a_hash_and_ends_when_revoked() {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User patient = data.patientUser(clinic, data.patient(clinic, clinician));

        Api.Reply issued = Api.anonymous(port).post("/api/v1/auth/tokens", Api.json(Map.of(
                "username", patient.username(), "password", TestData.PASSWORD, "deviceName", "Ada's phone")));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        long id = issued.json().get("id").asLong();
        assertThat(Instant.parse(issued.json().get("expiresAt").asString())).isEqualTo(t0.plus(Duration.ofDays(90)));
        assertThat(issued.json().has("scope")).isFalse();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or token_hash like ?")
                .params(token, "%" + token.substring(4, 20) + "%").query(Long.class).single()).isZero();

        Api phone = Api.bearer(port, token);
        assertThat(phone.get("/api/v1/me/today").status()).isEqualTo(200);
        JsonNode list = phone.get("/api/v1/auth/tokens").json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("deviceName").asString()).isEqualTo("Ada's phone");
        assertThat(list.get("items").get(0).has("token")).isFalse();
        assertThat(list.get("items").get(0).get("lastUsedAt").isNull()).isFalse();

        assertThat(phone.delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(204);
        Api.Reply after = phone.get("/api/v1/me/today");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("Content-Type")).contains("application/problem+json");
        assertThat(Api.bearer(port, "wrx_not-a-token").get("/api/v1/me/today").status()).isEqualTo(401);
    }

    @Test
    void a_patient_token_expires_90_days_after_its_last_use() {
        long clinic = data.clinic();
        TestData.User patient = data.patientUser(clinic, data.patient(clinic));
        Api phone = Api.bearer(port, tokenFor(patient, "phone"));

        clock.setInstant(t0.plus(Duration.ofDays(89)));
        assertThat(phone.get("/api/v1/me/today").status()).isEqualTo(200);
        clock.setInstant(t0.plus(Duration.ofDays(178)));
        assertThat(phone.get("/api/v1/me/today").status()).isEqualTo(200);
        clock.setInstant(t0.plus(Duration.ofDays(268)));
        assertThat(phone.get("/api/v1/me/today").status()).isEqualTo(401);
    }

    @Test
    void a_staff_token_expires_12_hours_after_issue_however_often_it_is_used() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        Api app = Api.bearer(port, tokenFor(clinician, "ward tablet"));
        clock.setInstant(t0.plus(Duration.ofHours(6)));
        assertThat(app.get("/api/v1/me").status()).isEqualTo(200);
        clock.setInstant(t0.plus(Duration.ofHours(12)).minusSeconds(1));
        assertThat(app.get("/api/v1/me").status()).isEqualTo(200);
        clock.setInstant(t0.plus(Duration.ofHours(12)));
        assertThat(app.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void another_users_token_cannot_be_seen_or_revoked() {
        long clinic = data.clinic();
        TestData.User a = data.staff(clinic, Role.CLINICIAN);
        TestData.User b = data.staff(clinic, Role.CLINICIAN);
        tokenFor(a, "a's laptop");
        Api.Reply issued = Api.anonymous(port).post("/api/v1/auth/tokens", Api.json(Map.of(
                "username", b.username(), "password", TestData.PASSWORD, "deviceName", "b's laptop")));
        long bToken = issued.json().get("id").asLong();

        Api asA = Api.as(port, a);
        assertThat(asA.get("/api/v1/auth/tokens").json().get("items")).hasSize(1);
        assertThat(asA.delete("/api/v1/auth/tokens/" + bToken).status()).isEqualTo(404);
        assertThat(Api.bearer(port, issued.json().get("token").asString()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_token_request_with_a_wrong_password_gets_401_and_counts_towards_the_throttle() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        Api client = Api.anonymous(port);
        for (int i = 0; i < 5; i++) {
            Api.Reply r = client.post("/api/v1/auth/tokens", Api.json(Map.of(
                    "username", clinician.username(), "password", "wrong-password-" + i)));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        // the same throttle as HTTP Basic: the account is now paused for this address, on both doors
        Api.Reply right = client.post("/api/v1/auth/tokens", Api.json(Map.of(
                "username", clinician.username(), "password", TestData.PASSWORD)));
        assertThat(right.status()).isEqualTo(401);
    }

    @Test
    void bad_input_names_the_field_and_stores_nothing() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        long before = data.count("api_token");
        Api.Reply r = Api.anonymous(port).post("/api/v1/auth/tokens", Api.json(Map.of(
                "username", clinician.username(), "password", TestData.PASSWORD, "deviceName", "x".repeat(101))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("deviceName");
        Api.Reply unknown = Api.anonymous(port).post("/api/v1/auth/tokens",
                "{\"username\":\"" + clinician.username() + "\",\"password\":\"" + TestData.PASSWORD + "\",\"admin\":true}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(data.count("api_token")).isEqualTo(before);
    }

    @Test
    void a_clinician_ends_every_login_of_a_care_team_patient_and_no_one_elses() {
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User other = data.staff(clinic, Role.CLINICIAN);
        long patientId = data.patient(clinic, clinician);
        TestData.User patient = data.patientUser(clinic, patientId);
        Api phone = Api.bearer(port, tokenFor(patient, "lost phone"));
        Api tablet = Api.bearer(port, tokenFor(patient, "tablet"));
        assertThat(phone.get("/api/v1/me/today").status()).isEqualTo(200);

        assertThat(Api.as(port, other).post("/api/v1/patients/" + patientId + "/revoke-logins", null).status())
                .isEqualTo(404);
        assertThat(phone.get("/api/v1/me/today").status()).isEqualTo(200);
        assertThat(Api.as(port, patient).post("/api/v1/patients/" + patientId + "/revoke-logins", null).status())
                .isEqualTo(403);

        assertThat(Api.as(port, clinician).post("/api/v1/patients/" + patientId + "/revoke-logins", null).status())
                .isEqualTo(204);
        assertThat(phone.get("/api/v1/me/today").status()).isEqualTo(401);
        assertThat(tablet.get("/api/v1/me/today").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'ENDED_LOGINS' and patient_id = ?")
                .params(clinician.id(), patientId).query(Long.class).single()).isEqualTo(1);
        // the patient logs in again with their password and gets a new token
        assertThat(Api.bearer(port, tokenFor(patient, "new phone")).get("/api/v1/me/today").status()).isEqualTo(200);
    }
}
