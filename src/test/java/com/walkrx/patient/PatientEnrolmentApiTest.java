package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Api;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/v1/patients and GET /api/v1/patients/{id}: who may enrol and read, and what is stored. */
@WalkRxTest
class PatientEnrolmentApiTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);


    long clinic;
    TestData.User clinician;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
    }

    static Map<String, Object> ada() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", "Ada");
        body.put("familyName", "Byrne");
        body.put("dateOfBirth", "1961-04-02");
        body.put("condition", "SCIATICA");
        body.put("acuity", "CHRONIC");
        body.put("onsetDate", "2026-06-01");
        body.put("surgeryDate", null);
        body.put("surgeonClearanceDate", null);
        return body;
    }

    static Map<String, Object> adaWith(String field, Object value) {
        Map<String, Object> body = ada();
        body.put(field, value);
        return body;
    }

    /** {@link #ada()} with those fields added or replaced. */
    static Map<String, Object> adaWith(Map<String, Object> fields) {
        Map<String, Object> body = ada();
        body.putAll(fields);
        return body;
    }

    @Test
    void a_clinician_enrols_a_patient_gets_a_one_time_code_and_joins_the_care_team() {
        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients", Api.json(ada()));

        assertThat(reply.status()).isEqualTo(201);
        long id = reply.json().get("id").asLong();
        assertThat(reply.header("Location")).endsWith("/api/v1/patients/" + id);
        assertThat(reply.json().get("givenName").asString()).isEqualTo("Ada");
        assertThat(reply.json().get("familyName").asString()).isEqualTo("Byrne");
        assertThat(reply.json().get("dateOfBirth").asString()).isEqualTo("1961-04-02");
        assertThat(reply.json().get("condition").asString()).isEqualTo("SCIATICA");
        assertThat(reply.json().get("acuity").asString()).isEqualTo("CHRONIC");
        assertThat(reply.json().get("onsetDate").asString()).isEqualTo("2026-06-01");
        assertThat(reply.json().get("surgeryDate").isNull()).isTrue();
        assertThat(reply.json().get("hasAccount").asBoolean()).isFalse();
        String code = reply.json().get("activationCode").asString();
        assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(reply.json().get("activationCodeExpiresAt").asString()).startsWith("2026-12-13T");

        assertThat(jdbc.sql("select clinician_id from care_team_member where patient_id = ?").param(id)
                .query(Long.class).list()).containsExactly(clinician.id());
        assertThat(jdbc.sql("select clinic_id from patient where id = ?").param(id).query(Long.class).single())
                .isEqualTo(clinic);
        // Only a hash is stored: the clear code appears nowhere in the table.
        String stored = jdbc.sql("select code_hash from activation_code where patient_id = ?").param(id)
                .query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain(code.replace("-", ""));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ENROLLED_PATIENT' and patient_id = ? and user_id = ?")
                .params(id, clinician.id()).query(Long.class).single()).isEqualTo(1);

        Api.Reply read = Api.as(port, clinician).get("/api/v1/patients/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("givenName").asString()).isEqualTo("Ada");
        assertThat(read.json().has("activationCode")).isFalse();
    }

    @Test
    void surgery_clearance_and_limits_are_stored_at_enrolment() {
        Map<String, Object> body = adaWith(Map.of("surgeryDate", "2026-10-20", "surgeonClearanceDate", "2026-11-10",
                "surgeonClearanceLimits", "no hills for 4 weeks"));
        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients", Api.json(body));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("surgeryDate").asString()).isEqualTo("2026-10-20");
        assertThat(reply.json().get("surgeonClearanceDate").asString()).isEqualTo("2026-11-10");
        assertThat(reply.json().get("surgeonClearanceLimits").asString()).isEqualTo("no hills for 4 weeks");
    }

    @Test
    void an_admin_may_read_the_clinics_patients_but_not_enrol() {
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        long before = data.count("patient");
        Api.Reply refused = Api.as(port, admin).post("/api/v1/patients", Api.json(ada()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(data.count("patient")).isEqualTo(before);

        long id = Api.as(port, clinician).post("/api/v1/patients", Api.json(ada())).json().get("id").asLong();
        assertThat(Api.as(port, admin).get("/api/v1/patients/" + id).status()).isEqualTo(200);

        TestData.User otherAdmin = data.staff(data.clinic(), Role.ADMIN);
        assertThat(Api.as(port, otherAdmin).get("/api/v1/patients/" + id).status()).isEqualTo(404);
    }

    @Test
    void a_patient_may_not_enrol() {
        long patient = data.patient(clinic, clinician);
        TestData.User patientUser = data.patientUser(clinic, patient);
        long before = data.count("patient");
        assertThat(Api.as(port, patientUser).post("/api/v1/patients", Api.json(ada())).status()).isEqualTo(403);
        assertThat(data.count("patient")).isEqualTo(before);
    }

    @Test
    void nobody_enrols_without_credentials() {
        assertThat(Api.anonymous(port).post("/api/v1/patients", Api.json(ada())).status()).isEqualTo(401);
    }

    @Test
    void a_clinician_outside_the_care_team_or_clinic_gets_not_found() {
        long id = Api.as(port, clinician).post("/api/v1/patients", Api.json(ada())).json().get("id").asLong();
        TestData.User colleague = data.staff(clinic, Role.CLINICIAN);
        TestData.User stranger = data.staff(data.clinic(), Role.CLINICIAN);
        assertThat(Api.as(port, colleague).get("/api/v1/patients/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, stranger).get("/api/v1/patients/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, stranger).get("/api/v1/patients/999999999").status()).isEqualTo(404);
    }

    static Stream<Arguments> invalidEnrolments() {
        return Stream.of(
                Arguments.of("no given name", adaWith("givenName", null), "givenName"),
                Arguments.of("blank family name", adaWith("familyName", "  "), "familyName"),
                Arguments.of("given name of 101 characters", adaWith("givenName", "a".repeat(101)), "givenName"),
                Arguments.of("born today", adaWith("dateOfBirth", "2026-11-29"), "dateOfBirth"),
                Arguments.of("born 121 years ago", adaWith("dateOfBirth", "1905-11-28"), "dateOfBirth"),
                Arguments.of("no date of birth", adaWith("dateOfBirth", null), "dateOfBirth"),
                Arguments.of("not a date", adaWith("dateOfBirth", "02/04/1961"), "dateOfBirth"),
                Arguments.of("unknown condition", adaWith("condition", "BROKEN_LEG"), "condition"),
                Arguments.of("no condition", adaWith("condition", null), "condition"),
                Arguments.of("unknown acuity", adaWith("acuity", "SUBACUTE"), "acuity"),
                Arguments.of("onset tomorrow", adaWith("onsetDate", "2026-11-30"), "onsetDate"),
                Arguments.of("surgery tomorrow", adaWith("surgeryDate", "2026-11-30"), "surgeryDate"),
                Arguments.of("clearance without surgery", adaWith("surgeonClearanceDate", "2026-11-01"), "surgeonClearanceDate"),
                Arguments.of("an unknown field", adaWith("nhsNumber", "123"), "nhsNumber"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnrolments")
    void invalid_enrolments_name_the_field_and_store_nothing(String name, Map<String, Object> body, String field) {
        long patients = data.count("patient");
        long codes = data.count("activation_code");
        long teams = data.count("care_team_member");

        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients", Api.json(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(data.count("patient")).isEqualTo(patients);
        assertThat(data.count("activation_code")).isEqualTo(codes);
        assertThat(data.count("care_team_member")).isEqualTo(teams);
    }

    @Test
    void clearance_before_surgery_names_the_clearance_date() {
        Map<String, Object> body = adaWith(Map.of("surgeryDate", "2026-10-20", "surgeonClearanceDate", "2026-10-19"));
        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients", Api.json(body));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("surgeonClearanceDate");
    }

    @Test
    void a_missing_body_is_invalid() {
        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("body");
    }
}
