package com.walkrx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Api;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The plans part of API.md, through real HTTP against the real database. */
@WalkRxTest
class PlanApiTest extends SpringTest {

    static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    private static String assign(String template, LocalDate start, String overrideReason) {
        return "{\"template\":\"" + template + "\",\"startDate\":\"" + start + "\",\"overrideReason\":"
                + (overrideReason == null ? "null" : "\"" + overrideReason + "\"") + "}";
    }

    private long livePlans(long patientId) {
        return jdbc.sql("select count(*) from plan where patient_id = ? and status <> 'ENDED'").params(patientId)
                .query(Long.class).single();
    }

    @Test
    void a_standard_plan_tells_the_patient_3_walks_of_10_minutes_on_flat_ground() {
        clock.setDate(DAY);
        TestData.CareTeam team = data.careTeam();

        Api.Reply created = Api.as(port, team.clinician()).post("/api/v1/patients/" + team.patient() + "/plan",
                assign("STANDARD", DAY, null));

        assertThat(created.status()).isEqualTo(201);
        JsonNode plan = created.json();
        assertThat(plan.get("template").asString()).isEqualTo("STANDARD");
        assertThat(plan.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(plan.get("currentPhase").asInt()).isEqualTo(1);
        assertThat(plan.get("phases")).hasSize(3);
        JsonNode one = plan.get("phases").get(0);
        assertThat(one.get("number").asInt()).isEqualTo(1);
        assertThat(one.get("minDays").asInt()).isEqualTo(14);
        assertThat(one.get("walksPerDay").asInt()).isEqualTo(3);
        assertThat(one.has("walksPerWeek")).isFalse();
        assertThat(one.get("minutesMin").asInt()).isEqualTo(10);
        assertThat(one.get("minutesMax").asInt()).isEqualTo(10);
        assertThat(one.get("surfaces").get(0).asString()).isEqualTo("FLAT");
        assertThat(one.get("stepTarget").isNull()).isTrue();
        JsonNode three = plan.get("phases").get(2);
        assertThat(three.get("walksPerWeek").asInt()).isEqualTo(5);
        assertThat(three.has("walksPerDay")).isFalse();
        assertThat(plan.get("proposal").isNull()).isTrue();

        Api.Reply read = Api.as(port, team.clinician()).get("/api/v1/patients/" + team.patient() + "/plan");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asLong()).isEqualTo(plan.get("id").asLong());

        Api.Reply today = Api.as(port, team.patientUser()).get("/api/v1/me/today");
        assertThat(today.status()).isEqualTo(200);
        JsonNode t = today.json();
        assertThat(t.get("date").asString()).isEqualTo(DAY.toString());
        assertThat(t.get("planStatus").asString()).isEqualTo("ACTIVE");
        JsonNode rx = t.get("prescription");
        assertThat(rx.get("walks").asInt()).isEqualTo(3);
        assertThat(rx.get("minutesMin").asInt()).isEqualTo(10);
        assertThat(rx.get("minutesMax").asInt()).isEqualTo(10);
        assertThat(rx.get("surfaces")).hasSize(1);
        assertThat(rx.get("surfaces").get(0).asString()).isEqualTo("FLAT");
        assertThat(rx.get("stepTarget").isNull()).isTrue();
        assertThat(rx.get("summary").asString()).isEqualTo("3 walks of 10 minutes, flat ground, ideally before meals");
        List<String> guidance = new ArrayList<>();
        rx.get("guidance").forEach(g -> guidance.add(g.asString()));
        assertThat(String.join(" ", guidance)).contains("Flat surfaces first", "rope from your feet",
                "Walking poles", "Seek emergency medical care today");
        assertThat(t.get("walksLoggedToday").asInt()).isZero();
        assertThat(t.get("minutesLoggedToday").asInt()).isZero();

        Logged.checkIn(jdbc, team.clinic(), team.patient(), DAY, 4, null, 10);
        JsonNode after = Api.as(port, team.patientUser()).get("/api/v1/me/today").json();
        assertThat(after.get("walksLoggedToday").asInt()).isEqualTo(1);
        assertThat(after.get("minutesLoggedToday").asInt()).isEqualTo(10);
    }

    @Test
    void a_patient_with_recent_surgery_and_no_clearance_gets_409_and_no_active_plan() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, "Sam", "Surgery", DAY.minusWeeks(4), clinician);

        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                assign("POST_SURGERY", DAY, null));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo("SURGERY_CLEARANCE_MISSING");
        assertThat(reply.json().get("detail").asString()).contains("within the last 12 weeks");
        assertThat(livePlans(patient)).isZero();
        assertThat(Api.as(port, clinician).get("/api/v1/patients/" + patient + "/plan").status()).isEqualTo(404);
    }

    @Test
    void with_an_override_reason_the_plan_is_activated_and_the_override_is_kept_and_audited() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, "Sam", "Override", DAY.minusWeeks(4), clinician);
        String reason = "Surgeon confirmed by phone; written clearance follows";

        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                assign("POST_SURGERY", DAY, reason));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(reply.json().get("overrideReason").asString()).isEqualTo(reason);
        assertThat(jdbc.sql("select override_reason from plan where patient_id = ? and status = 'ACTIVE'")
                .params(patient).query(String.class).single()).isEqualTo(reason);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where action = 'OVERRODE_SURGERY_CLEARANCE'
                        and patient_id = ? and user_id = ? and allowed and detail = ?""")
                .params(patient, clinician.id(), reason).query(Long.class).single()).isEqualTo(1);
        // The phases after the one the clinician started stay locked until the clearance is on record.
        JsonNode phases = reply.json().get("phases");
        assertThat(phases.get(0).get("locked").asBoolean()).isFalse();
        assertThat(phases.get(1).get("locked").asBoolean()).isTrue();
        assertThat(phases.get(2).get("locked").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "surgery {0} days ago -> {1}")
    @CsvSource({"84, 409", "85, 201", "0, 409"})
    void surgery_within_12_weeks_is_the_boundary_for_the_clearance_rule(int daysAgo, int status) {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, "Sam", "Boundary", DAY.minusDays(daysAgo), clinician);

        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                assign("STANDARD", DAY, null));

        assertThat(reply.status()).isEqualTo(status);
        assertThat(livePlans(patient)).isEqualTo(status == 201 ? 1 : 0);
    }

    @Test
    void a_recorded_clearance_lets_the_plan_be_activated_without_override() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, "Sam", "Cleared", DAY.minusWeeks(4), clinician);
        jdbc.sql("update patient set surgeon_clearance_date = ?, surgeon_clearance_limits = 'no hills' where id = ?")
                .params(java.sql.Date.valueOf(DAY.minusDays(2)), patient).update();

        Api.Reply reply = Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                assign("POST_SURGERY", DAY, null));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("overrideReason").isNull()).isTrue();
        reply.json().get("phases").forEach(p -> assertThat(p.get("locked").asBoolean()).isFalse());
    }

    @Test
    void assigning_a_new_plan_ends_the_previous_one() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician);
        Api api = Api.as(port, clinician);
        long first = api.post("/api/v1/patients/" + patient + "/plan", assign("STANDARD", DAY, null)).json()
                .get("id").asLong();

        Api.Reply second = api.post("/api/v1/patients/" + patient + "/plan", assign("ACUTE", DAY, null));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("template").asString()).isEqualTo("ACUTE");
        assertThat(second.json().get("currentPhase").asInt()).isZero();
        assertThat(second.json().get("phases")).hasSize(4);
        assertThat(jdbc.sql("select status from plan where id = ?").params(first).query(String.class).single())
                .isEqualTo("ENDED");
        assertThat(livePlans(patient)).isEqualTo(1);
        assertThat(api.get("/api/v1/patients/" + patient + "/plan").json().get("template").asString())
                .isEqualTo("ACUTE");
    }

    @Test
    void only_clinicians_on_the_care_team_assign_admins_read_and_patients_use_their_own_today() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User otherClinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User admin = data.staff(clinic, Role.ADMIN);
        long patient = data.patient(clinic, clinician);
        TestData.User patientUser = data.patientUser(clinic, patient);
        long otherClinic = data.clinic();
        TestData.User stranger = data.staff(otherClinic, Role.CLINICIAN);
        String path = "/api/v1/patients/" + patient + "/plan";
        assertThat(Api.as(port, clinician).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(201);

        assertThat(Api.as(port, otherClinician).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(404);
        assertThat(Api.as(port, otherClinician).get(path).status()).isEqualTo(404);
        assertThat(Api.as(port, stranger).get(path).status()).isEqualTo(404);
        assertThat(Api.as(port, admin).get(path).status()).isEqualTo(200);
        assertThat(Api.as(port, admin).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(403);
        assertThat(Api.as(port, patientUser).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(403);
        assertThat(Api.as(port, patientUser).get(path).status()).isEqualTo(403);
        assertThat(Api.as(port, clinician).get("/api/v1/me/today").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/me/today").status()).isEqualTo(401);
        assertThat(livePlans(patient)).isEqualTo(1);
    }

    @Test
    void invalid_input_names_the_field_and_stores_nothing() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician);
        Api api = Api.as(port, clinician);
        String path = "/api/v1/patients/" + patient + "/plan";

        Api.Reply missing = api.post(path, "{\"startDate\":\"" + DAY + "\"}");
        Api.Reply unknownTemplate = api.post(path, "{\"template\":\"MARATHON\"}");
        Api.Reply unknownField = api.post(path, "{\"template\":\"STANDARD\",\"intensity\":9}");
        Api.Reply farFuture = api.post(path, assign("STANDARD", DAY.plusYears(2), null));
        Api.Reply noBody = api.post(path, null);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("template");
        assertThat(unknownTemplate.status()).isEqualTo(400);
        assertThat(unknownTemplate.errorFields()).containsExactly("template");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.errorFields()).containsExactly("intensity");
        assertThat(farFuture.status()).isEqualTo(400);
        assertThat(farFuture.errorFields()).containsExactly("startDate");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(livePlans(patient)).isZero();
    }

    @Test
    void a_patient_without_a_plan_gets_a_friendly_explanation_and_no_prescription() {
        clock.setDate(DAY);
        TestData.CareTeam team = data.careTeam();

        JsonNode today = Api.as(port, team.patientUser()).get("/api/v1/me/today").json();

        assertThat(today.get("planStatus").isNull()).isTrue();
        assertThat(today.get("prescription").isNull()).isTrue();
        assertThat(today.get("advice").get(0).asString()).contains("has not set up a walking plan");
    }

    @Test
    void a_plan_starting_later_says_when_it_starts() {
        clock.setDate(DAY);
        TestData.CareTeam team = data.careTeam();
        Api.as(port, team.clinician()).post("/api/v1/patients/" + team.patient() + "/plan", assign("STANDARD", DAY.plusDays(3), null));

        JsonNode today = Api.as(port, team.patientUser()).get("/api/v1/me/today").json();

        assertThat(today.get("planStatus").asString()).isEqualTo("ACTIVE");
        assertThat(today.get("prescription").isNull()).isTrue();
        assertThat(today.get("advice").get(0).asString()).contains("starts on " + DAY.plusDays(3));
    }
}
