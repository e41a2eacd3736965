package com.walkrx.flag;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.patient.PatientService;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Api;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Check-ins, flags and plans together, through the JSON API, as patient and clinician see them. */
@WalkRxTest
class FlagsAcrossModulesTest extends SpringTest {

    static final LocalDate DAY = LocalDate.of(2027, 5, 10);

    @Autowired
    PatientService patients;

    private static String bladderCheckIn(LocalDate date) {
        return """
                { "date": "%s", "overallPain": 5,
                  "symptoms": { "numbnessTingling": "NONE", "legWeakness": "NONE", "bothLegs": false,
                                "saddleNumbness": false, "bladderBowelProblems": true, "fever": false,
                                "unexplainedWeightLoss": false, "newInjuryOrFall": false } }
                """.formatted(date);
    }

    @Test
    void bladder_problems_raise_an_urgent_flag_pause_the_plan_and_today_carries_the_advice() {
        clock.setDate(DAY);
        TestData.CareTeam team = data.careTeam();
        assertThat(Api.as(port, team.clinician()).post("/api/v1/patients/" + team.patient() + "/plan",
                "{\"template\":\"STANDARD\",\"startDate\":\"" + DAY + "\",\"overrideReason\":null}").status())
                .isEqualTo(201);

        Api.Reply first = Api.as(port, team.patientUser()).post("/api/v1/check-ins", bladderCheckIn(DAY));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("planPaused").asBoolean()).isTrue();
        JsonNode flag = first.json().get("flags").get(0);
        assertThat(flag.get("code").asString()).isEqualTo("CAUDA_EQUINA_SIGNS");
        assertThat(flag.get("tier").asString()).isEqualTo("URGENT");
        assertThat(flag.get("patientMessage").asString()).startsWith("Seek emergency medical care today.");

        JsonNode today = Api.as(port, team.patientUser()).get("/api/v1/me/today").json();
        assertThat(today.get("prescription").isNull()).isTrue();
        assertThat(today.get("planStatus").asString()).isEqualTo("PAUSED");
        assertThat(today.get("advice").toString()).contains("Seek emergency medical care today.");

        Api.Reply again = Api.as(port, team.patientUser()).post("/api/v1/check-ins", bladderCheckIn(DAY));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("flags").get(0).get("id").asLong()).isEqualTo(flag.get("id").asLong());
        assertThat(jdbc.sql("select count(*) from flag where patient_id = ? and code = 'CAUDA_EQUINA_SIGNS'")
                .params(team.patient()).query(Long.class).single()).isEqualTo(1);
        JsonNode seen = Api.as(port, team.clinician()).get("/api/v1/flags/" + flag.get("id").asLong()).json();
        assertThat(seen.get("evidence")).hasSize(2);
        assertThat(Api.as(port, team.clinician()).get("/api/v1/patients/" + team.patient() + "/plan").json().get("status").asString())
                .isEqualTo("PAUSED");
    }

    @Test
    void a_surgery_date_entered_for_an_active_plan_raises_surgery_clearance_missing() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician);
        assertThat(Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                "{\"template\":\"STANDARD\",\"startDate\":\"" + DAY + "\",\"overrideReason\":null}").status())
                .isEqualTo(201);

        clinician.login();
        try {
            patients.recordSurgery(clinician.caller(), patient, DAY.minusWeeks(3));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }

        JsonNode flags = Api.as(port, clinician).get("/api/v1/patients/" + patient + "/flags?status=OPEN").json();
        assertThat(flags.toString()).contains("SURGERY_CLEARANCE_MISSING");
    }
}
