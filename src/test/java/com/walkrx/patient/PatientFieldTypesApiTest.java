package com.walkrx.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** API.md: the patient's text fields are strings; a JSON number is the wrong type (400 naming it), not text. */
@WalkRxTest
class PatientFieldTypesApiTest extends SpringTest {

    @Test
    void a_number_for_the_phone_is_refused_naming_phone_and_nothing_is_stored() {
        clock.setDate(LocalDate.of(2026, 11, 29));
        Api api = Api.as(port, data.clinician());
        long patients = jdbc.sql("select count(*) from patient").query(Long.class).single();

        Api.Reply enrol = api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.adaWith("phone", 442079460000L)));
        assertThat(enrol.status()).isEqualTo(400);
        assertThat(enrol.errorFields()).containsExactly("phone");
        assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(patients);

        long id = api.post("/api/v1/patients", Api.json(PatientEnrolmentApiTest.ada())).json().get("id").asLong();
        Api.Reply edit = api.patch("/api/v1/patients/" + id, "{\"phone\": 2079460000}");
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.errorFields()).containsExactly("phone");
        assertThat(jdbc.sql("select phone from patient where id = ?").param(id).query(String.class).optional()
                .orElse(null)).isNull();
        assertThat(jdbc.sql("select count(*) from patient_change where patient_id = ?").param(id)
                .query(Long.class).single()).isZero();
    }
}
