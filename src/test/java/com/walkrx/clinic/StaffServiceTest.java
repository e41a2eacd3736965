package com.walkrx.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Role;
import com.walkrx.base.security.UserSessions;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import com.walkrx.support.WebClient;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Staff administration: invitations and reset codes, deactivation ending sessions at once. */
@WalkRxTest
class StaffServiceTest extends SpringTest {

    private static final String NEW_PASSWORD = "correct horse battery staple";

    @Autowired
    StaffService staff;
    @Autowired
    UserSessions sessions;

    private TestData.User admin;
    private TestData.User clinician;

    @BeforeEach
    void scene() {
        TestData.AdminClinic scene = data.adminClinic();
        admin = scene.admin();
        clinician = scene.clinician();
    }

    @Test
    void an_invited_clinician_sets_a_password_with_the_one_time_code_and_logs_in() {
        admin.login();
        String username = "invited-" + System.nanoTime();

        IssuedCode code = staff.invite(admin.caller(), username, "Dr Ines Invited", Role.CLINICIAN);

        assertThat(code.code()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(jdbc.sql("select count(*) from account_code where code_hash = ? or code_hash = ?")
                .params(code.code(), code.code().replace("-", "")).query(Long.class).single())
                .as("only a hash is stored").isZero();
        WebClient client = new WebClient(port).from(WebClient.newTestAddress());
        assertThat(client.getAs("/api/v1/me", username, NEW_PASSWORD).status()).isEqualTo(401);

        String who = staff.setPasswordWithCode(code.code().toLowerCase().replace("-", " "), NEW_PASSWORD, "192.0.2.1");

        assertThat(who).isEqualTo(username);
        assertThat(client.getAs("/api/v1/me", username, NEW_PASSWORD).status()).isEqualTo(200);
        assertThatThrownBy(() -> staff.setPasswordWithCode(code.code(), NEW_PASSWORD + "!", "192.0.2.1"))
                .as("a code works once").isInstanceOf(InvalidInputException.class);
        assertThat(staff.staff(admin.caller(), 0, 50)).extracting(UserSummary::username).contains(username);
    }

    @ParameterizedTest(name = "password \"{0}\": {1}")
    @CsvSource({
            "short-pass1,                  must be at least 12 characters",
            "123456789012,                 is too common and easy to guess; choose a phrase of your own",
            "aaaaaaaaaaaaaaa,              is too common and easy to guess; choose a phrase of your own",
            "my-name-is-USERNAME-ok,       must not contain your username",
            "exactly12chr,                 ",
            "four words about walking,     ",
    })
    void weak_passwords_are_refused_and_the_code_stays_usable(String password, String problem) {
        admin.login();
        String username = "pw-" + System.nanoTime();
        IssuedCode code = staff.invite(admin.caller(), username, "Pat Password", Role.CLINICIAN);
        String candidate = password.replace("USERNAME", username);

        if (problem == null) {
            assertThat(staff.setPasswordWithCode(code.code(), candidate, null)).isEqualTo(username);
        } else {
            assertThatThrownBy(() -> staff.setPasswordWithCode(code.code(), candidate, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("password");
                                assertThat(p.message()).isEqualTo(problem);
                            }));
            assertThat(staff.setPasswordWithCode(code.code(), NEW_PASSWORD, null)).isEqualTo(username);
        }
    }

    @ParameterizedTest(name = "{0} code used {1} after issue: accepted={2}")
    @CsvSource({
            "setup, PT71H59M, true",
            "setup, PT72H,    false",
            "reset, PT23H59M, true",
            "reset, PT24H,    false",
    })
    void codes_expire(String kind, java.time.Duration later, boolean accepted) {
        admin.login();
        Instant t0 = Instant.now();
        clock.setInstant(t0);
        IssuedCode code = kind.equals("setup")
                ? staff.invite(admin.caller(), "exp-" + System.nanoTime(), "Eve Expiry", Role.CLINICIAN)
                : staff.issueResetCode(admin.caller(), clinician.id());

        clock.setInstant(t0.plus(later));

        if (accepted) {
            assertThat(staff.setPasswordWithCode(code.code(), NEW_PASSWORD, null)).isEqualTo(code.username());
        } else {
            assertThatThrownBy(() -> staff.setPasswordWithCode(code.code(), NEW_PASSWORD, null))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("code"));
        }
    }

    @Test
    void a_password_reset_ends_the_old_password_and_the_sessions_and_a_new_code_voids_the_previous_one() {
        WebClient browser = loggedIn(clinician);
        String session = browser.sessionId();
        admin.login();

        IssuedCode first = staff.issueResetCode(admin.caller(), clinician.id());
        IssuedCode second = staff.issueResetCode(admin.caller(), clinician.id());
        assertThat(browser.getAs("/api/v1/me", clinician.username(), TestData.PASSWORD).status())
                .as("issuing a code changes nothing yet").isEqualTo(200);
        assertThatThrownBy(() -> staff.setPasswordWithCode(first.code(), NEW_PASSWORD, null))
                .isInstanceOf(InvalidInputException.class);
        staff.setPasswordWithCode(second.code(), NEW_PASSWORD, null);

        assertThat(sessions.find(session)).isEmpty();
        assertThat(browser.getAs("/api/v1/me", clinician.username(), TestData.PASSWORD).status()).isEqualTo(401);
        assertThat(browser.getAs("/api/v1/me", clinician.username(), NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void deactivating_a_user_ends_their_ui_session_and_api_access_at_once() {
        WebClient browser = loggedIn(clinician);
        int ui = browser.openUi("caseload");
        assertThat(browser.heartbeat(ui).status()).isEqualTo(200);
        assertThat(browser.getAs("/api/v1/me", clinician.username(), TestData.PASSWORD).status()).isEqualTo(200);
        String session = browser.sessionId();
        admin.login();

        staff.deactivate(admin.caller(), clinician.id());

        assertThat(sessions.find(session)).as("the HTTP session is gone").isEmpty();
        assertThat(browser.heartbeat(ui).status()).as("the Vaadin UI is gone").isEqualTo(403);
        assertThat(browser.get("/caseload").status()).isEqualTo(302);
        assertThat(browser.getAs("/api/v1/me", clinician.username(), TestData.PASSWORD).status()).isEqualTo(401);
        assertThat(browser.login(clinician.username(), TestData.PASSWORD).location()).endsWith("/login?error");

        staff.reactivate(admin.caller(), clinician.id());
        assertThat(browser.getAs("/api/v1/me", clinician.username(), TestData.PASSWORD).status()).isEqualTo(200);
    }

    /** A browser of its own address, logged in through the login form. */
    private WebClient loggedIn(TestData.User user) {
        WebClient browser = new WebClient(port).from(WebClient.newTestAddress());
        browser.login(user.username(), TestData.PASSWORD);
        return browser;
    }

    @Test
    void an_admin_manages_only_their_own_clinics_staff_and_not_their_own_account() {
        long clinic = data.clinic(); // a clinic without other staff, unlike the scene's
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        TestData.User elsewhere = data.staff(data.clinic(), Role.CLINICIAN);
        long patientRecord = data.patient(clinic);
        TestData.User patient = data.patientUser(clinic, patientRecord);
        admin.login();

        assertThatThrownBy(() -> staff.deactivate(admin.caller(), elsewhere.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> staff.issueResetCode(admin.caller(), elsewhere.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> staff.deactivate(admin.caller(), patient.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> staff.deactivate(admin.caller(), admin.id())).isInstanceOf(InvalidInputException.class);
        assertThat(staff.staff(admin.caller(), 0, 50)).extracting(UserSummary::id).containsExactly(admin.id());
    }

    @Test
    void a_clinician_cannot_manage_staff() {
        TestData.User colleague = data.staff(clinician.clinicId(), Role.CLINICIAN);
        clinician.login();

        assertThatThrownBy(() -> staff.deactivate(clinician.caller(), colleague.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staff.invite(clinician.caller(), "sneaky-" + System.nanoTime(), "Sneaky", Role.ADMIN))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_invitation_names_each_invalid_field() {
        admin.login();
        assertThatThrownBy(() -> staff.invite(admin.caller(), "a b", " ", Role.PATIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("username", "displayName", "role"));
        assertThatThrownBy(() -> staff.invite(admin.caller(), admin.username().toUpperCase(), "Dup", Role.CLINICIAN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.message()).containsExactly("is already taken"));
    }
}
