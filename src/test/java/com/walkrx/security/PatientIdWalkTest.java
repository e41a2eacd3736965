package com.walkrx.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Role;
import com.walkrx.patient.CareTeamService;
import com.walkrx.patient.PatientService;
import com.walkrx.security.Access.Expect;
import com.walkrx.support.Api;
import com.walkrx.support.BrowserlessTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Someone tries patient ids 1..N and every id that exists (and a few beyond the last): through the services,
 * the routes and the API endpoints that take a patient id, a user of a new clinic gets "not found"
 * for every patient but their own, and every attempt is in the audit trail as ACCESS_DENIED.
 */
@WalkRxTest
class PatientIdWalkTest extends BrowserlessTest {

    /** Endpoints walked with every id; {@code pending} ones wait for their feature (see AuthorizationMatrixTest). */
    record Endpoint(String target, String pending) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /api/v1/patients/{id}", null),
            new Endpoint("PUT /api/v1/patients/{id}/surgery-clearance", null),
            new Endpoint("GET /api/v1/patients/{id}/plan", null),
            new Endpoint("POST /api/v1/patients/{id}/plan", null),
            new Endpoint("GET /api/v1/patients/{id}/check-ins", null),
            new Endpoint("GET /api/v1/patients/{id}/flags", null));

    /** Routes walked with every id, as the role that may open them. */
    static final List<String> ADMIN_ROUTES = List.of("admin/care-teams/{id}");
    static final List<String> CLINICIAN_ROUTES = List.of("patients/{id}");

    /** Ids 1..WALK are tried one by one, whether they exist or not. */
    static final long WALK = 60;

    @Autowired
    PatientService patients;
    @Autowired
    CareTeamService careTeams;

    @Test
    void every_other_patient_id_is_not_found_everywhere_and_every_attempt_is_audited() {
        TestData.AdminClinic scene = data.adminClinic();
        long own = scene.patient();
        TestData.User clinician = scene.clinician();
        // Another clinic's patients, ids 1..N and a few past the last id (sequence ids step by 50, so most ids exist in no clinic).
        long otherClinic = data.clinic();
        TestData.User stranger = data.staff(otherClinic, Role.CLINICIAN);
        LongStream theirs = LongStream.of(data.patient(otherClinic, stranger), data.patient(otherClinic, stranger),
                data.patient(otherClinic, stranger));
        long last = jdbc.sql("select max(id) from patient").query(Long.class).single();
        List<Long> ids = LongStream.concat(LongStream.concat(LongStream.rangeClosed(1, WALK), theirs),
                        LongStream.rangeClosed(last + 1, last + 3))
                .filter(id -> id != own).distinct().sorted().boxed().toList();
        LocalDate today = LocalDate.now(clock);

        for (long id : ids) {
            assertThatThrownBy(() -> patients.get(clinician.caller(), id)).as("patient %d", id)
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> careTeams.team(clinician.caller(), id)).as("care team of %d", id)
                    .isInstanceOf(NotFoundException.class);
            for (Endpoint endpoint : ENDPOINTS) {
                if (endpoint.pending() == null) {
                    Api.Reply reply = Access.call(port, clinician, endpoint.target(), id, today);
                    assertThat(Access.outcomeOf(reply)).as(endpoint.target() + " with " + id)
                            .isEqualTo(Expect.NOT_FOUND);
                }
            }
        }
        scene.admin().login();
        for (long id : ids) {
            for (String route : ADMIN_ROUTES) {
                assertThat(Access.navigate(route.replace("{id}", String.valueOf(id)), this::getCurrentView))
                        .as(route + " with " + id).isEqualTo(Expect.NOT_FOUND);
            }
        }
        clinician.login();
        for (long id : ids) {
            for (String route : CLINICIAN_ROUTES) {
                assertThat(Access.navigate(route.replace("{id}", String.valueOf(id)), this::getCurrentView))
                        .as(route + " with " + id).isEqualTo(Expect.NOT_FOUND);
            }
        }

        long attemptsPerIdByClinician = 2 + ENDPOINTS.stream().filter(e -> e.pending() == null).count()
                + CLINICIAN_ROUTES.size();
        assertThat(deniedPerPatient(clinician)).as("ACCESS_DENIED entries per id")
                .isEqualTo(ids.stream().collect(Collectors.toMap(id -> id, id -> attemptsPerIdByClinician)));
        assertThat(deniedPerPatient(scene.admin()))
                .isEqualTo(ids.stream().collect(Collectors.toMap(id -> id, id -> (long) ADMIN_ROUTES.size())));
    }

    @Test
    void a_patient_walking_ids_sees_only_their_own_record() {
        TestData.CareTeam team = data.careTeam();
        long own = team.patient();
        long neighbour = data.patient(team.clinic(), team.clinician());
        TestData.User patient = team.patientUser();

        assertThat(patients.get(patient.caller(), own).id()).isEqualTo(own);
        List<Long> others = LongStream.concat(LongStream.rangeClosed(1, WALK),
                        jdbc.sql("select id from patient").query(Long.class).list().stream().mapToLong(Long::longValue))
                .filter(id -> id != own).distinct().boxed().toList();
        assertThat(others).contains(neighbour);
        for (long id : others) {
            assertThatThrownBy(() -> patients.get(patient.caller(), id)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void endpoints_waiting_for_their_feature_do_not_exist_yet() {
        LocalDate today = LocalDate.now(clock);
        TestData.CareTeam team = data.careTeam();
        List<String> nowServed = ENDPOINTS.stream().filter(e -> e.pending() != null)
                .filter(e -> !Access.unknownEndpoint(Access.call(port, team.clinician(), e.target(), team.patient(), today)))
                .map(Endpoint::target).toList();
        assertThat(nowServed).as("these endpoints exist now: set their pending to null in ENDPOINTS").isEmpty();
        assertThat(CLINICIAN_ROUTES.stream().filter(r -> !Access.routeExists(r.replace("{id}", "1"))))
                .as("routes walked must exist").isEmpty();
        assertThat(Access.routeExists("patients/1")).as("the patient chart exists now: add \"patients/{id}\" to "
                + "CLINICIAN_ROUTES").isEqualTo(CLINICIAN_ROUTES.contains("patients/{id}"));
    }

    private Map<Long, Long> deniedPerPatient(TestData.User user) {
        return jdbc.sql("select patient_id, count(*) as n from audit_event where user_id = ? and action = 'ACCESS_DENIED' "
                        + "and not allowed and patient_id is not null group by patient_id")
                .param(user.id())
                .query((rs, n) -> Map.entry(rs.getLong("patient_id"), rs.getLong("n")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
