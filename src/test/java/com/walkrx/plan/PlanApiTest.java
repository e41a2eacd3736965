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
import org.junit.jupiter.api.BeforeEach;
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

    @BeforeEach
    void onDay() {
        clock.setDate(DAY);
    }

    /** A clinician of a clinic of their own. */
    private TestData.User clinician() {
        return data.staff(data.clinic(), Role.CLINICIAN);
    }

    /** The clinician assigns the patient a plan. */
    private Api.Reply assignPlan(TestData.User clinician, long patient, String body) {
        return Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan", body);
    }

    private long livePlans(long patientId) {
        return jdbc.sql("select count(*) from plan where patient_id = ? and status <> 'ENDED'").params(patientId)
                .query(Long.class).single();
    }

    @Test
    void a_standard_plan_tells_the_patient_3_walks_of_10_minutes_on_flat_ground() {
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
        TestData.User clinician = clinician();
        long patient = data.patient(clinician.clinicId(), "Sam", "Surgery", DAY.minusWeeks(4), clinician);

        Api.Reply reply = assignPlan(clinician, patient, assign("POST_SURGERY", DAY, null));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.json().get("code").asString()).isEqualTo("SURGERY_CLEARANCE_MISSING");
        assertThat(reply.json().get("detail").asString()).contains("within the last 12 weeks");
        assertThat(livePlans(patient)).isZero();
        assertThat(Api.as(port, clinician).get("/api/v1/patients/" + patient + "/plan").status()).isEqualTo(404);
    }

    @Test
    void with_an_override_reason_the_plan_is_activated_and_the_override_is_kept_and_audited() {
        TestData.User clinician = clinician();
        long patient = data.patient(clinician.clinicId(), "Sam", "Override", DAY.minusWeeks(4), clinician);
        String reason = "Surgeon confirmed by phone; written clearance follows";

        Api.Reply reply = assignPlan(clinician, patient, assign("POST_SURGERY", DAY, reason));

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
        TestData.User clinician = clinician();
        long patient = data.patient(clinician.clinicId(), "Sam", "Boundary", DAY.minusDays(daysAgo), clinician);

        Api.Reply reply = assignPlan(clinician, patient, assign("STANDARD", DAY, null));

        assertThat(reply.status()).isEqualTo(status);
        assertThat(livePlans(patient)).isEqualTo(status == 201 ? 1 : 0);
    }

    @Test
    void a_recorded_clearance_lets_the_plan_be_activated_without_override() {
        TestData.User clinician = clinician();
        long patient = data.patient(clinician.clinicId(), "Sam", "Cleared", DAY.minusWeeks(4), clinician);
        jdbc.sql("update patient set surgeon_clearance_date = ?, surgeon_clearance_limits = 'no hills' where id = ?")
                .params(java.sql.Date.valueOf(DAY.minusDays(2)), patient).update();

        Api.Reply reply = assignPlan(clinician, patient, assign("POST_SURGERY", DAY, null));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("overrideReason").isNull()).isTrue();
        reply.json().get("phases").forEach(p -> assertThat(p.get("locked").asBoolean()).isFalse());
    }

    @Test
    void assigning_a_new_plan_ends_the_previous_one() {
        TestData.CareTeam team = data.careTeam();
        long patient = team.patient();
        Api api = Api.as(port, team.clinician());
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
        TestData.AdminClinic scene = data.adminClinic();
        String path = "/api/v1/patients/" + scene.patient() + "/plan";
        TestData.User clinician = scene.clinician();
        TestData.User otherClinician = data.staff(scene.clinic(), Role.CLINICIAN);
        TestData.User stranger = clinician();
        assertThat(Api.as(port, clinician).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(201);

        assertThat(Api.as(port, otherClinician).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(404);
        assertThat(Api.as(port, otherClinician).get(path).status()).isEqualTo(404);
        assertThat(Api.as(port, stranger).get(path).status()).isEqualTo(404);
        assertThat(Api.as(port, scene.admin()).get(path).status()).isEqualTo(200);
        assertThat(Api.as(port, scene.admin()).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(403);
        assertThat(Api.as(port, scene.patientUser()).post(path, assign("STANDARD", DAY, null)).status()).isEqualTo(403);
        assertThat(Api.as(port, scene.patientUser()).get(path).status()).isEqualTo(403);
        assertThat(Api.as(port, clinician).get("/api/v1/me/today").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/me/today").status()).isEqualTo(401);
        assertThat(livePlans(scene.patient())).isEqualTo(1);
    }

    @Test
    void invalid_input_names_the_field_and_stores_nothing() {
        TestData.CareTeam team = data.careTeam();
        long patient = team.patient();
        Api api = Api.as(port, team.clinician());
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
        TestData.CareTeam team = data.careTeam();

        JsonNode today = Api.as(port, team.patientUser()).get("/api/v1/me/today").json();

        assertThat(today.get("planStatus").isNull()).isTrue();
        assertThat(today.get("prescription").isNull()).isTrue();
        assertThat(today.get("advice").get(0).asString()).contains("has not set up a walking plan");
    }

    @Test
    void a_plan_starting_later_says_when_it_starts() {
        TestData.CareTeam team = data.careTeam();
        Api.as(port, team.clinician()).post("/api/v1/patients/" + team.patient() + "/plan", assign("STANDARD", DAY.plusDays(3), null));

        JsonNode today = Api.as(port, team.patientUser()).get("/api/v1/me/today").json();

        assertThat(today.get("planStatus").asString()).isEqualTo("ACTIVE");
        assertThat(today.get("prescription").isNull()).isTrue();
        assertThat(today.get("advice").get(0).asString()).contains("starts on " + DAY.plusDays(3));
    }
}
