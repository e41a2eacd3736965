package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing one's own password over the API: the other sessions and tokens end, the calling token stays. */
@WalkRxTest
class PasswordChangeApiTest extends SpringTest {

    private static final String NEW = "a brand new walking phrase";

    private String token(String username, String password) {
        Api.Reply r = Api.anonymous(port).post("/api/v1/auth/tokens",
                Api.json(Map.of("username", username, "password", password, "deviceName", "phone")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    @Test
    void a_password_change_ends_the_other_sessions_and_tokens_and_keeps_the_calling_token() {
        long clinic = data.clinic();
        TestData.User patient = data.patientUser(clinic, data.patient(clinic));
        Api caller = Api.bearer(port, token(patient.username(), TestData.PASSWORD));
        Api other = Api.bearer(port, token(patient.username(), TestData.PASSWORD));
        WebClient browser = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(browser.login(patient.username(), TestData.PASSWORD).location()).doesNotContain("/login");
        assertThat(browser.get("/today").status()).isEqualTo(200);

        Api.Reply changed = caller.post("/api/v1/me/password",
                Api.json(Map.of("currentPassword", TestData.PASSWORD, "newPassword", NEW)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        assertThat(caller.get("/api/v1/me/today").status()).isEqualTo(200);
        assertThat(other.get("/api/v1/me/today").status()).isEqualTo(401);
        assertThat(browser.get("/today").status()).as("the browser session ended").isEqualTo(302);
        assertThat(Api.as(port, patient).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, patient.username(), NEW).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_wrong_current_password_and_a_weak_new_one_are_refused_naming_the_field() {
        TestData.User clinician = data.staff(data.clinic(), Role.CLINICIAN);
        Api api = Api.as(port, clinician);
        Api.Reply wrong = api.post("/api/v1/me/password",
                Api.json(Map.of("currentPassword", "not-my-password-1", "newPassword", NEW)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("currentPassword");

        for (String weak : new String[] {"short", "password1234", "x".repeat(13) + clinician.username(),
                "é".repeat(37)}) {
            Api.Reply r = api.post("/api/v1/me/password",
                    Api.json(Map.of("currentPassword", TestData.PASSWORD, "newPassword", weak)));
            assertThat(r.status()).as(weak).isEqualTo(400);
            assertThat(r.errorFields()).as(weak).containsExactly("newPassword");
        }
        assertThat(api.get("/api/v1/me").status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void an_activation_link_code_leaves_the_address_after_the_first_request() {
        WebClient browser = new WebClient(port).from(WebClient.newTestAddress());
        WebClient.Reply first = browser.get("/activate?code=K7QX-3MPA-9TRW-ABCD");
        assertThat(first.status()).isEqualTo(303);
        assertThat(first.location()).endsWith("/activate").doesNotContain("code");
        assertThat(browser.get("/activate").status()).isEqualTo(200);
    }
}
