package com.walkrx.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.clinic.IssuedCode;
import com.walkrx.clinic.StaffService;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic with remembered verifications: a password that changed, or an account that was deactivated, is
 * refused at once even while the old credentials are remembered, whether the change was made through this
 * instance or written to the database by another one.
 */
@WalkRxTest
class BasicCredentialCacheApiTest extends SpringTest {

    static final String NEW_PASSWORD = "another-long-password-77";

    @Autowired
    StaffService staff;
    @Autowired
    PasswordEncoder encoder;

    TestData.User admin;
    TestData.User clinician;

    @BeforeEach
    void setUp() {
        long clinic = data.clinic();
        admin = data.staff(clinic, Role.ADMIN);
        clinician = data.staff(clinic, Role.CLINICIAN);
        // Remembered: verified once, then answered from the cache.
        assertThat(Api.as(port, clinician).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Api.as(port, clinician).get("/api/v1/me").status()).isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void after_a_password_reset_the_old_password_is_refused_and_the_new_one_works() {
        admin.login();
        IssuedCode code = staff.issueResetCode(admin.caller(), clinician.id());
        SecurityContextHolder.clearContext();
        staff.setPasswordWithCode(code.code(), NEW_PASSWORD, "127.0.0.1");

        assertThat(Api.as(port, clinician).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, clinician.username(), NEW_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_password_changed_by_another_instance_refuses_the_old_password_here() {
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(encoder.encode(NEW_PASSWORD), clinician.id()).update();

        assertThat(Api.as(port, clinician).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, clinician.username(), NEW_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_deactivated_account_is_refused_although_its_password_was_remembered() {
        admin.login();
        staff.deactivate(admin.caller(), clinician.id());
        SecurityContextHolder.clearContext();

        assertThat(Api.as(port, clinician).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void an_account_deactivated_by_another_instance_is_refused_here() {
        jdbc.sql("update app_user set enabled = false where id = ?").param(clinician.id()).update();

        assertThat(Api.as(port, clinician).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void api_replies_time_the_request_from_before_authentication_beside_the_handler() {
        java.util.List<String> timings = Api.as(port, clinician).get("/api/v1/me").raw().headers()
                .allValues("Server-Timing");
        assertThat(timings).hasSize(2);
        assertThat(timings.get(0)).matches("handler;dur=\\d+\\.\\d{3}");
        assertThat(timings.get(1)).matches("app;dur=\\d+\\.\\d{3}");
        double handler = Double.parseDouble(timings.get(0).substring("handler;dur=".length()));
        double app = Double.parseDouble(timings.get(1).substring("app;dur=".length()));
        assertThat(app).isGreaterThanOrEqualTo(handler);
    }
}
