package com.walkrx.security;

import static com.walkrx.security.Access.Expect.FORBIDDEN;
import static com.walkrx.security.Access.Expect.LOGIN;
import static com.walkrx.security.Access.Expect.NOT_FOUND;
import static com.walkrx.security.Access.Expect.OK;
import static com.walkrx.security.Access.Who.ADMIN;
import static com.walkrx.security.Access.Who.ANONYMOUS;
import static com.walkrx.security.Access.Who.CLINICIAN;
import static com.walkrx.security.Access.Who.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.security.Access.Expect;
import com.walkrx.security.Access.Who;
import com.walkrx.security.Access.Whose;
import com.walkrx.support.Api;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authorization matrix: every route with a patient id and every API endpoint, as each role,
 * for the caller's own patient, a patient of the same clinic on another care team, and a patient of
 * another clinic. Routes run in a browserless UI, endpoints over real HTTP. Every refusal (404 by
 * care relationship, 403 by role) must leave an ACCESS_DENIED entry in the audit trail.
 *
 * <p><b>Adding rows:</b> one line per role in {@link #ROWS}; {@code three(...)} expands a patient-id
 * target into its own / same-clinic-other-team / other-clinic rows. Rows inside {@code pending(...)}
 * wait for a feature that is not on this branch; {@link #pending_rows_wait_for_features_not_yet_built}
 * fails as soon as their route or endpoint exists, naming the rows to enable (move them out of
 * {@code pending(...)}).
 */
@WalkRxTest
class AuthorizationMatrixTest extends BrowserlessTest {

    /** One cell of the matrix. {@code pending} names what the row waits for; null when it runs. */
    record Row(String target, Who who, Whose whose, Expect expect, String pending) {

        boolean isRoute() {
            return target.startsWith("ROUTE ");
        }

        String route(long patientId) {
            return target.substring("ROUTE ".length()).replace("{id}", String.valueOf(patientId));
        }

        @Override
        public String toString() {
            return target + " as " + who + (whose == Whose.NONE ? "" : " on " + whose) + " -> " + expect
                    + (pending == null ? "" : " [pending: " + pending + "]");
        }
    }

    static final List<Row> ROWS = concat(
            // ---- Vaadin routes on this branch ----
            one("ROUTE caseload", ADMIN, OK),
            one("ROUTE caseload", CLINICIAN, OK),
            one("ROUTE caseload", PATIENT, FORBIDDEN),
            one("ROUTE caseload", ANONYMOUS, LOGIN),
            one("ROUTE today", PATIENT, OK),
            one("ROUTE today", CLINICIAN, FORBIDDEN),
            one("ROUTE today", ADMIN, FORBIDDEN),
            one("ROUTE today", ANONYMOUS, LOGIN),
            one("ROUTE admin/staff", ADMIN, OK),
            one("ROUTE admin/staff", CLINICIAN, FORBIDDEN),
            one("ROUTE admin/staff", PATIENT, FORBIDDEN),
            one("ROUTE admin/staff", ANONYMOUS, LOGIN),
            one("ROUTE admin/audit", ADMIN, OK),
            one("ROUTE admin/audit", CLINICIAN, FORBIDDEN),
            one("ROUTE admin/audit", PATIENT, FORBIDDEN),
            one("ROUTE admin/audit", ANONYMOUS, LOGIN),
            one("ROUTE admin/sign-in-failures", ADMIN, OK),
            one("ROUTE admin/sign-in-failures", CLINICIAN, FORBIDDEN),
            one("ROUTE admin/sign-in-failures", PATIENT, FORBIDDEN),
            one("ROUTE admin/sign-in-failures", ANONYMOUS, LOGIN),
            one("ROUTE admin/care-teams", ADMIN, OK),
            three("ROUTE admin/care-teams/{id}", ADMIN, OK, OK, NOT_FOUND),
            three("ROUTE admin/care-teams/{id}", CLINICIAN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
            three("ROUTE admin/care-teams/{id}", PATIENT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
            one("ROUTE admin/care-teams/{id}", ANONYMOUS, LOGIN),
            one("ROUTE reset-password", ANONYMOUS, OK),

            // ---- API on this branch ----
            one("GET /api/v1/me", ADMIN, OK),
            one("GET /api/v1/me", CLINICIAN, OK),
            one("GET /api/v1/me", PATIENT, OK),
            one("GET /api/v1/me", ANONYMOUS, LOGIN),

            // ---- The features' routes and endpoints ----
            concat(
                    three("ROUTE patients/{id}", CLINICIAN, OK, NOT_FOUND, NOT_FOUND),
                    three("ROUTE patients/{id}", ADMIN, OK, OK, NOT_FOUND),
                    three("ROUTE patients/{id}", PATIENT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
                    one("ROUTE patients/{id}", ANONYMOUS, LOGIN)),
            concat(
                    one("GET /api/v1/patients", CLINICIAN, OK),
                    one("GET /api/v1/patients", ADMIN, OK),
                    one("GET /api/v1/patients", PATIENT, FORBIDDEN),
                    one("GET /api/v1/patients", ANONYMOUS, LOGIN),
                    one("POST /api/v1/patients", CLINICIAN, OK),
                    one("POST /api/v1/patients", ADMIN, FORBIDDEN),
                    one("POST /api/v1/patients", PATIENT, FORBIDDEN),
                    one("POST /api/v1/patients", ANONYMOUS, LOGIN),
                    three("GET /api/v1/patients/{id}", CLINICIAN, OK, NOT_FOUND, NOT_FOUND),
                    three("GET /api/v1/patients/{id}", ADMIN, OK, OK, NOT_FOUND),
                    three("GET /api/v1/patients/{id}", PATIENT, OK, NOT_FOUND, NOT_FOUND),
                    one("GET /api/v1/patients/{id}", ANONYMOUS, LOGIN),
                    three("PUT /api/v1/patients/{id}/surgery-clearance", CLINICIAN, OK, NOT_FOUND, NOT_FOUND),
                    three("PUT /api/v1/patients/{id}/surgery-clearance", ADMIN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
                    three("PUT /api/v1/patients/{id}/surgery-clearance", PATIENT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
                    one("PUT /api/v1/patients/{id}/surgery-clearance", ANONYMOUS, LOGIN)),
            concat(
                    three("POST /api/v1/patients/{id}/plan", CLINICIAN, OK, NOT_FOUND, NOT_FOUND),
                    three("POST /api/v1/patients/{id}/plan", ADMIN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
                    three("POST /api/v1/patients/{id}/plan", PATIENT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
                    one("POST /api/v1/patients/{id}/plan", ANONYMOUS, LOGIN),
                    three("GET /api/v1/patients/{id}/plan", CLINICIAN, OK, NOT_FOUND, NOT_FOUND),
                    three("GET /api/v1/patients/{id}/plan", ADMIN, OK, OK, NOT_FOUND),
                    three("GET /api/v1/patients/{id}/plan", PATIENT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
                    one("GET /api/v1/patients/{id}/plan", ANONYMOUS, LOGIN),
                    one("GET /api/v1/me/today", PATIENT, OK),
                    one("GET /api/v1/me/today", CLINICIAN, FORBIDDEN),
                    one("GET /api/v1/me/today", ADMIN, FORBIDDEN),
                    one("GET /api/v1/me/today", ANONYMOUS, LOGIN)),
            concat(
                    three("GET /api/v1/patients/{id}/check-ins", CLINICIAN, OK, NOT_FOUND, NOT_FOUND),
                    three("GET /api/v1/patients/{id}/check-ins", ADMIN, OK, OK, NOT_FOUND),
                    three("GET /api/v1/patients/{id}/check-ins", PATIENT, OK, NOT_FOUND, NOT_FOUND),
                    one("GET /api/v1/patients/{id}/check-ins", ANONYMOUS, LOGIN),
                    one("POST /api/v1/check-ins", PATIENT, OK),
                    one("POST /api/v1/check-ins", CLINICIAN, FORBIDDEN),
                    one("POST /api/v1/check-ins", ADMIN, FORBIDDEN),
                    one("POST /api/v1/check-ins", ANONYMOUS, LOGIN),
                    one("GET /api/v1/me/check-ins", PATIENT, OK),
                    one("GET /api/v1/me/check-ins", CLINICIAN, FORBIDDEN),
                    one("GET /api/v1/me/check-ins", ANONYMOUS, LOGIN)),
            concat(
                    three("GET /api/v1/patients/{id}/flags", CLINICIAN, OK, NOT_FOUND, NOT_FOUND),
                    three("GET /api/v1/patients/{id}/flags", ADMIN, OK, OK, NOT_FOUND),
                    three("GET /api/v1/patients/{id}/flags", PATIENT, FORBIDDEN, FORBIDDEN, FORBIDDEN),
                    one("GET /api/v1/patients/{id}/flags", ANONYMOUS, LOGIN),
                    one("GET /api/v1/flags", CLINICIAN, OK),
                    one("GET /api/v1/flags", ADMIN, FORBIDDEN),
                    one("GET /api/v1/flags", PATIENT, FORBIDDEN),
                    one("GET /api/v1/flags", ANONYMOUS, LOGIN)));

    /** The people and patients every row is asked about. */
    record Fixture(TestData.User admin, TestData.User clinician, TestData.User patient, long own,
                   long sameClinicOtherTeam, long otherClinic, Map<Long, TestData.User> careTeamOf) {

        TestData.User user(Who who) {
            return switch (who) {
                case ADMIN -> admin;
                case CLINICIAN -> clinician;
                case PATIENT -> patient;
                case ANONYMOUS -> null;
            };
        }

        long patientId(Whose whose) {
            return switch (whose) {
                case OWN, NONE -> own;
                case SAME_CLINIC_OTHER_TEAM -> sameClinicOtherTeam;
                case OTHER_CLINIC -> otherClinic;
            };
        }
    }

    private static Fixture fixture;

    @BeforeEach
    void fixture() {
        if (fixture == null) {
            long clinic = data.clinic();
            TestData.User admin = data.staff(clinic, Role.ADMIN);
            TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
            TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
            // Surgery more than 12 weeks ago: a clearance can be recorded, and a plan needs none.
            java.time.LocalDate surgery = java.time.LocalDate.now().minusWeeks(20);
            long own = data.patient(clinic, "Pat", "Own", surgery, clinician);
            long other = data.patient(clinic, "Pat", "Other", surgery, colleague);
            TestData.User patient = data.patientUser(clinic, own);
            data.patientUser(clinic, other);
            long otherClinic = data.clinic();
            TestData.User stranger = data.staff(otherClinic, Role.CLINICIAN);
            long foreign = data.patient(otherClinic, "Pat", "Foreign", surgery, stranger);
            data.patientUser(otherClinic, foreign);
            fixture = new Fixture(admin, clinician, patient, own, other, foreign,
                    Map.of(own, clinician, other, colleague, foreign, stranger));
        }
    }

    static Stream<Row> activeRows() {
        return ROWS.stream().filter(r -> r.pending() == null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activeRows")
    void the_row_holds_and_a_refusal_is_audited(Row row) {
        TestData.User user = fixture.user(row.who());
        long patientId = fixture.patientId(row.whose());
        long deniedBefore = deniedCount(user, row);

        Expect actual;
        if (row.isRoute()) {
            if (user == null) {
                SecurityContextHolder.clearContext();
            } else {
                user.login();
            }
            actual = Access.navigate(row.route(patientId), this::getCurrentView);
        } else {
            LocalDate today = LocalDate.now(clock);
            String setup = Access.SETUP.get(row.target());
            if (setup != null && user != null) {
                Access.call(port, fixture.careTeamOf().get(patientId), setup, patientId, today);
            }
            Api.Reply reply = Access.call(port, user, row.target(), patientId, today);
            actual = Access.outcomeOf(reply);
            assertThat(Access.unknownEndpoint(reply)).as("the endpoint exists: " + row.target()).isFalse();
        }

        assertThat(actual).as(row.toString()).isEqualTo(row.expect());
        if (user != null && (row.expect() == NOT_FOUND || row.expect() == FORBIDDEN)) {
            assertThat(deniedCount(user, row)).as("the refusal is audited as ACCESS_DENIED").isGreaterThan(deniedBefore);
        }
    }

    @Test
    void pending_rows_wait_for_features_not_yet_built() {
        LocalDate today = LocalDate.now(clock);
        fixture.clinician().login();
        List<String> nowServed = new ArrayList<>();
        for (String target : ROWS.stream().filter(r -> r.pending() != null).map(Row::target).distinct().toList()) {
            boolean served;
            if (target.startsWith("ROUTE ")) {
                served = Access.routeExists(target.substring(6).replace("{id}", String.valueOf(fixture.own())));
            } else {
                TestData.User asker = target.contains("/me") || target.equals("POST /api/v1/check-ins")
                        ? fixture.patient() : fixture.clinician();
                served = !Access.unknownEndpoint(Access.call(port, asker, target, fixture.own(), today));
            }
            if (served) {
                nowServed.add(target);
            }
        }
        assertThat(nowServed).as("these targets exist now: take their rows out of pending(...) in ROWS").isEmpty();
    }

    @Test
    void every_patient_id_target_is_asked_by_every_role_about_every_kind_of_patient() {
        Map<String, List<Row>> byTarget = ROWS.stream().filter(r -> r.target().contains("{id}"))
                .collect(Collectors.groupingBy(Row::target));
        byTarget.forEach((target, rows) -> {
            for (Who who : EnumSet.of(ADMIN, CLINICIAN, PATIENT)) {
                Set<Whose> asked = rows.stream().filter(r -> r.who() == who).map(Row::whose).collect(Collectors.toSet());
                assertThat(asked).as(target + " as " + who)
                        .containsExactlyInAnyOrder(Whose.OWN, Whose.SAME_CLINIC_OTHER_TEAM, Whose.OTHER_CLINIC);
            }
            assertThat(rows).as(target + " anonymously").anyMatch(r -> r.who() == ANONYMOUS);
            assertThat(rows.stream().filter(r -> r.whose() == Whose.OTHER_CLINIC))
                    .as(target + ": nobody reaches another clinic's patient")
                    .allMatch(r -> r.expect() == NOT_FOUND || r.expect() == FORBIDDEN);
        });
    }

    private long deniedCount(TestData.User user, Row row) {
        if (user == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from audit_event where user_id = ? and action = 'ACCESS_DENIED' and not allowed")
                .param(user.id()).query(Long.class).single();
    }

    // ---- the row builders ----

    private static List<Row> one(String target, Who who, Expect expect) {
        return List.of(new Row(target, who, target.contains("{id}") ? Whose.OWN : Whose.NONE, expect, null));
    }

    /** A patient-id target as one role: the caller's own patient, same clinic other team, other clinic. */
    private static List<Row> three(String target, Who who, Expect own, Expect sameClinicOtherTeam, Expect otherClinic) {
        return List.of(new Row(target, who, Whose.OWN, own, null),
                new Row(target, who, Whose.SAME_CLINIC_OTHER_TEAM, sameClinicOtherTeam, null),
                new Row(target, who, Whose.OTHER_CLINIC, otherClinic, null));
    }

    @SafeVarargs
    private static List<Row> pending(String waitingFor, List<Row>... groups) {
        return Arrays.stream(groups).flatMap(List::stream)
                .map(r -> new Row(r.target(), r.who(), r.whose(), r.expect(), waitingFor)).toList();
    }

    @SafeVarargs
    private static List<Row> concat(List<Row>... groups) {
        return Arrays.stream(groups).flatMap(List::stream).collect(Collectors.toUnmodifiableList());
    }
}
