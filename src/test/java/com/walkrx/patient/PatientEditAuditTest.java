package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A patient edit is on the audit trail once: one CHANGED_PATIENT row that names what changed. */
@WalkRxTest
class PatientEditAuditTest extends SpringTest {

    /** A clinician of a clinic of their own, who has just enrolled Ada. */
    Api api;
    long id;

    @BeforeEach
    void adaEnrolled() {
        clock.setDate(LocalDate.of(2026, 11, 29));
        api = Api.as(port, data.clinician());
        Api.Reply enrolled = api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.ada()));
        assertThat(enrolled.status()).isEqualTo(201);
        id = enrolled.json().get("id").asLong();
    }

    private List<String> changedPatientDetails() {
        return jdbc.sql("select detail from audit_event where patient_id = ? and action = 'CHANGED_PATIENT'")
                .param(id).query(String.class).list();
    }

    @Test
    void an_edit_writes_one_changed_patient_row_naming_the_changed_fields() {
        assertThat(api.patch("/api/v1/patients/" + id, "{\"phone\": \"020 7946 0000\", \"familyName\": \"King\"}")
                .status()).isEqualTo(200);

        assertThat(changedPatientDetails()).containsExactly("fields=familyName,phone");
    }

    @Test
    void a_refused_edit_still_leaves_one_row_saying_it_was_not_done() {
        assertThat(api.patch("/api/v1/patients/" + id, "{\"givenName\": \"\"}").status()).isEqualTo(400);

        assertThat(changedPatientDetails()).singleElement().asString().startsWith("not done: ");
    }
}
