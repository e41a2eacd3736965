package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Staff MFA over the API as a client sees it: set up TOTP, the clinic policy, MFA_REQUIRED and
 * MFA_ENROLMENT_REQUIRED, enrolment-only tokens, codes computed from the secret like an authenticator app.
 */
@WalkRxTest
class MfaApiTest extends SpringTest {

    @org.springframework.beans.factory.annotation.Autowired
    TotpSecretSealing sealing;

    private Instant now;

    @BeforeEach
    void fixClock() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setInstant(now);
    }

    /** The next 30-second step, as a user waits for the app's next code. */
    private String nextCode(String secret) {
        now = now.plusSeconds(30);
        clock.setInstant(now);
        return Totp.code(secret, Totp.step(now));
    }

    /** POST /api/v1/auth/tokens with the user's password and, when not null, a one-time code. */
    private Api.Reply requestToken(TestData.User user, String otp) {
        return Api.anonymous(port).post("/api/v1/auth/tokens", Api.json(tokenRequest(user, otp)));
    }

    /** A client with the token the reply issued. */
    private Api bearerOf(Api.Reply issued) {
        return Api.bearer(port, issued.json().get("token").asString());
    }

    /** A 401 naming what the caller still lacks. */
    private static void assertRefusedFor(Api.Reply reply, String code) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("code").asString()).isEqualTo(code);
    }

    private static Map<String, Object> tokenRequest(TestData.User user, String otp) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", user.username());
        body.put("password", TestData.PASSWORD);
        body.put("deviceName", "laptop");
        if (otp != null) {
            body.put("otp", otp);
        }
        return body;
    }

    /** Sets up the user's authenticator with an enrolment token from their password; its secret. */
    private String enrolWithToken(TestData.User user) {
        return enrol(Api.bearer(port, requestToken(user, null).json().get("token").asString()));
    }

    private String enrol(Api client) {
        Api.Reply begun = client.post("/api/v1/me/mfa/totp", null);
        assertThat(begun.status()).as(begun.body()).isEqualTo(201);
        String secret = begun.json().get("secret").asString();
        assertThat(begun.json().get("otpauthUri").asString()).startsWith("otpauth://totp/WalkRx:")
                .contains("secret=" + secret);
        Api.Reply wrong = client.post("/api/v1/me/mfa/totp/confirm", "{\"otp\":\"000000\"}".replace("000000",
                Totp.code(secret, Totp.step(now) + 5)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("otp");
        Api.Reply confirmed = client.post("/api/v1/me/mfa/totp/confirm",
                Api.json(Map.of("otp", Totp.code(secret, Totp.step(now)))));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("recoveryCodes")).hasSize(10);
        return secret;
    }

    @Test
    void with_the_policy_on_a_password_alone_gets_mfa_required_and_a_code_gets_a_working_token() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        String secret = enrol(Api.as(port, clinician)); // set up while the policy is off: not asked for yet
        assertThat(Api.as(port, clinician).get("/api/v1/me").status()).isEqualTo(200);

        Api.Reply put = Api.as(port, scene.admin()).put("/api/v1/clinic/settings", "{\"staffMfaRequired\":true}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("staffMfaRequired").asBoolean()).isTrue();

        Api.Reply basic = Api.as(port, clinician).get("/api/v1/patients");
        assertRefusedFor(basic, "MFA_REQUIRED");
        Api.Reply noOtp = requestToken(clinician, null);
        assertRefusedFor(noOtp, "MFA_REQUIRED");
        Api.Reply wrongOtp = requestToken(clinician, Totp.code(secret, Totp.step(now) + 7));
        assertRefusedFor(wrongOtp, "MFA_REQUIRED");

        String code = nextCode(secret);
        Api.Reply issued = requestToken(clinician, code);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        Api bearer = bearerOf(issued);
        assertThat(bearer.get("/api/v1/patients").status()).isEqualTo(200);
        assertThat(bearer.get("/api/v1/me").json().get("username").asString()).isEqualTo(clinician.username());

        Api.Reply replay = requestToken(clinician, code);
        assertThat(replay.status()).as("a code is accepted once").isEqualTo(401);

        assertThat(bearer.delete("/api/v1/auth/tokens/" + issued.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(bearer.get("/api/v1/patients").status()).isEqualTo(401);
    }

    @Test
    void the_database_holds_the_secret_sealed_and_one_stored_in_plain_before_is_sealed_at_start_up_and_still_works() {
        TestData.User clinician = data.staff(data.mfaClinic(), Role.CLINICIAN);
        String secret = enrolWithToken(clinician);
        String stored = jdbc.sql("select secret from totp_factor where user_id = :u")
                .param("u", clinician.id()).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);

        // a row as the app stored it before encryption at rest
        jdbc.sql("update totp_factor set secret = :s where user_id = :u")
                .param("s", secret).param("u", clinician.id()).update();
        sealing.sealUnderCurrentKey();

        String resealed = jdbc.sql("select secret from totp_factor where user_id = :u")
                .param("u", clinician.id()).query(String.class).single();
        assertThat(resealed).startsWith("v1:").doesNotContain(secret);
        Api.Reply issued = Api.anonymous(port).post("/api/v1/auth/tokens",
                Api.json(tokenRequest(clinician, nextCode(secret))));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    }

    @Test
    void after_a_key_rotation_a_secret_sealed_under_the_previous_key_is_resealed_at_start_up_and_still_works() {
        TestData.User clinician = data.staff(data.mfaClinic(), Role.CLINICIAN);
        String secret = enrolWithToken(clinician);
        String oldKey = java.util.Base64.getEncoder().encodeToString("the key before the rotation, 32B".getBytes());
        String underOldKey = new TotpSecrets(oldKey, "", "jdbc:postgresql://db/walkrx", "unused")
                .seal(clinician.id(), secret);
        jdbc.sql("update totp_factor set secret = :s where user_id = :u")
                .param("s", underOldKey).param("u", clinician.id()).update();
        Api.Reply refused = Api.anonymous(port).post("/api/v1/auth/tokens",
                Api.json(tokenRequest(clinician, nextCode(secret))));
        assertThat(refused.status()).as("the running app has only the new key: the code cannot match")
                .isEqualTo(401);

        // The start-up of an instance with the new key and WALKRX_MFA_KEY_PREVIOUS set to the old one.
        new TotpSecretSealing(jdbc, new TotpSecrets(com.walkrx.support.SharedTestDatabase.TEST_MFA_KEY, oldKey,
                "jdbc:postgresql://db/walkrx", "unused")).sealUnderCurrentKey();

        String resealed = jdbc.sql("select secret from totp_factor where user_id = :u")
                .param("u", clinician.id()).query(String.class).single();
        assertThat(resealed).startsWith("v1:").isNotEqualTo(underOldKey).doesNotContain(secret);
        Api.Reply issued = Api.anonymous(port).post("/api/v1/auth/tokens",
                Api.json(tokenRequest(clinician, nextCode(secret))));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    }

    @Test
    void without_a_factor_yet_a_token_reaches_only_the_set_up_and_then_a_code_gets_a_full_token() {
        TestData.User clinician = data.staff(data.mfaClinic(), Role.CLINICIAN);

        Api.Reply basic = Api.as(port, clinician).get("/api/v1/me");
        assertRefusedFor(basic, "MFA_ENROLMENT_REQUIRED");

        Api.Reply issued = requestToken(clinician, null);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("scope").asString()).isEqualTo("MFA_ENROLMENT");
        Api enrolment = bearerOf(issued);
        assertThat(enrolment.get("/api/v1/me").status()).isEqualTo(403);
        assertThat(enrolment.get("/api/v1/patients").status()).isEqualTo(403);
        assertThat(enrolment.get("/api/v1/auth/tokens").status()).isEqualTo(403);

        String secret = enrol(enrolment);
        Api.Reply full = requestToken(clinician, nextCode(secret));
        assertThat(full.status()).isEqualTo(201);
        assertThat(full.json().has("scope")).isFalse();
        assertThat(bearerOf(full).get("/api/v1/patients").status()).isEqualTo(200);
        // the enrolment-only token still reaches nothing else
        assertThat(enrolment.get("/api/v1/patients").status()).isEqualTo(403);
    }

    @Test
    void a_recovery_code_works_once_instead_of_the_app() {
        TestData.User clinician = data.staff(data.mfaClinic(), Role.CLINICIAN);
        Api enrolment = bearerOf(requestToken(clinician, null));
        Api.Reply begun = enrolment.post("/api/v1/me/mfa/totp", null);
        String secret = begun.json().get("secret").asString();
        JsonNode codes = enrolment.post("/api/v1/me/mfa/totp/confirm",
                Api.json(Map.of("otp", Totp.code(secret, Totp.step(now))))).json().get("recoveryCodes");
        String recovery = codes.get(3).asString();
        assertThat(jdbc.sql("select count(*) from recovery_code where code_hash like ?").param("%" + recovery + "%")
                .query(Long.class).single()).isZero();

        assertThat(requestToken(clinician, recovery).status()).isEqualTo(201);
        assertThat(requestToken(clinician, recovery).status()).isEqualTo(401);
    }

    @Test
    void patients_of_an_mfa_clinic_keep_using_basic_and_tokens_without_a_code() {
        long clinic = data.mfaClinic();
        TestData.User patient = data.patientUser(clinic, data.patient(clinic));
        assertThat(Api.as(port, patient).get("/api/v1/me/today").status()).isEqualTo(200);
        Api.Reply issued = requestToken(patient, null);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().has("scope")).isFalse();
        assertThat(bearerOf(issued).get("/api/v1/me/today").status()).isEqualTo(200);
        assertThat(Api.as(port, patient).post("/api/v1/me/mfa/totp", null).status()).isEqualTo(409);
    }

    @Test
    void a_staff_token_issued_before_the_policy_was_turned_on_stops_working() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        Api old = bearerOf(requestToken(clinician, null));
        assertThat(old.get("/api/v1/patients").status()).isEqualTo(200);
        Api.as(port, scene.admin()).put("/api/v1/clinic/settings", "{\"staffMfaRequired\":true}");
        Api.Reply after = old.get("/api/v1/patients");
        assertRefusedFor(after, "MFA_ENROLMENT_REQUIRED"); // no factor set up yet
    }

    @Test
    void clinic_settings_are_for_admins_typed_strictly_and_changed_only_where_named() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        Api api = Api.as(port, scene.admin());
        assertThat(api.get("/api/v1/clinic/settings").json().get("staffMfaRequired").asBoolean()).isFalse();
        assertThat(Api.as(port, clinician).get("/api/v1/clinic/settings").status()).isEqualTo(403);
        assertThat(Api.as(port, clinician).put("/api/v1/clinic/settings", "{\"staffMfaRequired\":true}").status())
                .isEqualTo(403);

        Api.Reply text = api.put("/api/v1/clinic/settings", "{\"staffMfaRequired\":\"true\"}");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.errorFields()).containsExactly("staffMfaRequired");
        assertThat(api.put("/api/v1/clinic/settings", "{\"noSuchSetting\":1}").status()).isEqualTo(400);
        Api.Reply empty = api.put("/api/v1/clinic/settings", "{}");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("staffMfaRequired").asBoolean()).isFalse();
        assertThat(jdbc.sql("select staff_mfa_required from clinic where id = ?").param(scene.clinic()).query(Boolean.class)
                .single()).isFalse();
        assertThat(jdbc.sql("select staff_mfa_required from clinic where id = ?").param(data.mfaClinic())
                .query(Boolean.class).single()).as("a new clinic requires MFA").isTrue();
    }
}
