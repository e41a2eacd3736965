package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API.md "Patient contact details": contact at enrolment, PATCH of any enrolment field, history and audit. */
@WalkRxTest
class PatientContactApiTest extends SpringTest {

    long clinic;
    TestData.User clinician;

    @BeforeEach
    void setUp() {
        clock.setDate(LocalDate.of(2026, 11, 29));
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
    }

    private long enrolAda() {
        Map<String, Object> body = PatientEnrolmentApiTest.adaWith(Map.of("phone", "+44 7700 900123",
                "email", "ada@example.org", "emergencyContactName", "Bob Byrne", "emergencyContactPhone", "07700 900456"));
        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients", Api.json(body));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("phone").asString()).isEqualTo("+44 7700 900123");
        assertThat(reply.json().get("emergencyContactName").asString()).isEqualTo("Bob Byrne");
        return reply.json().get("id").asLong();
    }

    @Test
    void contact_details_are_taken_at_enrolment_and_returned() {
        long id = enrolAda();
        Api.Reply got = Api.as(port, clinician).get("/api/v1/patients/" + id);
        assertThat(got.json().get("email").asString()).isEqualTo("ada@example.org");
        assertThat(got.json().get("emergencyContactPhone").asString()).isEqualTo("07700 900456");
    }

    @Test
    void bad_or_too_long_contact_details_are_refused_naming_the_field_and_nothing_is_stored() {
        long before = jdbc.sql("select count(*) from patient").query(Long.class).single();
        Api api = Api.as(port, clinician);
        assertThat(api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.adaWith("phone", "call me")))
                .errorFields()).containsExactly("phone");
        assertThat(api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.adaWith("phone", "1".repeat(31))))
                .errorFields()).containsExactly("phone");
        assertThat(api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.adaWith("email", "ada@nowhere")))
                .errorFields()).containsExactly("email");
        assertThat(api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.adaWith("givenName", "A".repeat(300))))
                .errorFields()).containsExactly("givenName");
        assertThat(api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.adaWith("emergencyContactName",
                "Bob"))).errorFields()).containsExactly("emergencyContactPhone");
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void patch_changes_only_the_given_fields_keeps_each_change_in_the_history_and_audits_it() {
        long id = enrolAda();
        Api api = Api.as(port, clinician);

        Api.Reply edited = api.patch("/api/v1/patients/" + id,
                "{\"phone\": \"020 7946 0000\", \"email\": null, \"familyName\": \"Byrne-Lovelace\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("phone").asString()).isEqualTo("020 7946 0000");
        assertThat(edited.json().has("email") && !edited.json().get("email").isNull()).isFalse();
        assertThat(edited.json().get("familyName").asString()).isEqualTo("Byrne-Lovelace");
        assertThat(edited.json().get("givenName").asString()).isEqualTo("Ada");
        assertThat(edited.json().get("condition").asString()).isEqualTo("SCIATICA");
        assertThat(edited.json().get("emergencyContactName").asString()).isEqualTo("Bob Byrne");

        assertThat(jdbc.sql("select field || ':' || coalesce(old_value, '-') || '>' || coalesce(new_value, '-')"
                        + " from patient_change where patient_id = ? order by field").param(id)
                .query(String.class).list())
                .containsExactly("email:ada@example.org>-", "familyName:Byrne>Byrne-Lovelace",
                        "phone:+44 7700 900123>020 7946 0000");
        assertThat(jdbc.sql("select changed_by from patient_change where patient_id = ?").param(id)
                .query(Long.class).list()).containsOnly(clinician.id());
        assertThat(jdbc.sql("select detail from audit_event where patient_id = ? and action = 'CHANGED_PATIENT'"
                + " and allowed and detail like 'fields=%'").param(id).query(String.class).single()).isEqualTo("fields=familyName,phone,email");

        Api.Reply bad = api.patch("/api/v1/patients/" + id, "{\"email\": \"nope\", \"givenName\": \"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("email", "givenName");
        Api.Reply unknown = api.patch("/api/v1/patients/" + id, "{\"shoeSize\": 9}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("shoeSize");
        assertThat(jdbc.sql("select count(*) from patient_change where patient_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void only_the_care_team_may_patch() {
        long id = enrolAda();
        TestData.User other = data.staff(clinic, Role.CLINICIAN);
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        assertThat(Api.as(port, other).patch("/api/v1/patients/" + id, "{\"phone\": \"0123 456789\"}").status())
                .isEqualTo(404);
        assertThat(Api.as(port, admin).patch("/api/v1/patients/" + id, "{\"phone\": \"0123 456789\"}").status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select phone from patient where id = ?").param(id).query(String.class).single())
                .isEqualTo("+44 7700 900123");
    }
}
