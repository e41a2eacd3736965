package com.walkrx.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The outcome-measures part of API.md, through real HTTP against the real database. */
@WalkRxTest
class OutcomeApiTest extends SpringTest {

    static final LocalDate DAY = LocalDate.of(2027, 5, 3);

    /** A patient with a login and a STANDARD plan starting on {@link #DAY}, and their clinician. */
    record Setup(long clinic, TestData.User clinician, long patient, TestData.User patientUser) {

        Api patientApi(int port) {
            return Api.as(port, patientUser);
        }
    }

    private Setup patientWithPlan() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        long patient = data.patient(clinic, clinician);
        TestData.User user = data.patientUser(clinic, patient);
        Api.Reply plan = Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                "{\"template\":\"STANDARD\",\"startDate\":\"" + DAY + "\",\"overrideReason\":null}");
        assertThat(plan.status()).isEqualTo(201);
        return new Setup(clinic, clinician, patient, user);
    }

    private static long idOf(JsonNode items, String instrument) {
        for (JsonNode item : items) {
            if (item.get("instrument").asString().equals(instrument)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError(instrument + " not due in " + items);
    }

    private long responses(long patient) {
        return jdbc.sql("select count(*) from questionnaire_response where patient_id = ?").params(patient)
                .query(Long.class).single();
    }

    private static String peg(Object pain, Object enjoyment, Object activity) {
        return "{\"answers\":{\"pain\":" + pain + ",\"enjoyment\":" + enjoyment + ",\"activity\":" + activity + "}}";
    }

    @Test
    void a_new_patient_with_a_plan_has_peg_and_psfs_due_today_and_a_peg_of_5_4_4_scores_4_3() {
        Setup s = patientWithPlan();
        Api.Reply due = s.patientApi(port).get("/api/v1/me/questionnaires");

        assertThat(due.status()).isEqualTo(200);
        JsonNode items = due.json().get("items");
        assertThat(items).hasSize(2);
        List<String> seen = new ArrayList<>();
        items.forEach(i -> {
            seen.add(i.get("instrument").asString());
            assertThat(i.get("dueDate").asString()).isEqualTo(DAY.toString());
            assertThat(i.get("status").asString()).isEqualTo("DUE");
        });
        assertThat(seen).containsExactlyInAnyOrder("PEG", "PSFS");

        long peg = idOf(items, "PEG");
        Api.Reply answered = s.patientApi(port).post("/api/v1/me/questionnaires/" + peg + "/response", peg(5, 4, 4));
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.json().get("id").asLong()).isPositive();
        assertThat(answered.json().get("instrument").asString()).isEqualTo("PEG");
        assertThat(answered.json().get("score").decimalValue()).isEqualByComparingTo("4.3");

        Api.Reply again = s.patientApi(port).post("/api/v1/me/questionnaires/" + peg + "/response", peg(1, 1, 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).contains("application/problem+json");
        assertThat(responses(s.patient())).isEqualTo(1);
        assertThat(s.patientApi(port).get("/api/v1/me/questionnaires").json().get("items")).hasSize(1);
    }

    @ParameterizedTest(name = "pain {0} is refused")
    @ValueSource(strings = {"11", "-1", "4.5", "\"5\"", "null", "true"})
    void an_invalid_peg_answer_gets_400_naming_the_item_and_nothing_is_stored(String pain) {
        Setup s = patientWithPlan();
        long peg = idOf(s.patientApi(port).get("/api/v1/me/questionnaires").json().get("items"), "PEG");

        Api.Reply r = s.patientApi(port).post("/api/v1/me/questionnaires/" + peg + "/response", peg(pain, 4, 4));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("answers.pain");
        assertThat(responses(s.patient())).isZero();
        assertThat(jdbc.sql("select answered_at is null from questionnaire where id = ?").params(peg)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_missing_answer_and_unknown_fields_are_named_too() {
        Setup s = patientWithPlan();
        long peg = idOf(s.patientApi(port).get("/api/v1/me/questionnaires").json().get("items"), "PEG");
        String path = "/api/v1/me/questionnaires/" + peg + "/response";

        assertThat(s.patientApi(port).post(path, "{\"answers\":{\"enjoyment\":4,\"activity\":4}}").errorFields())
                .containsExactly("answers.pain");
        assertThat(s.patientApi(port).post(path, "{\"answers\":{\"pain\":4,\"enjoyment\":4,\"activity\":4,\"mood\":3}}")
                .errorFields()).containsExactly("answers.mood");
        assertThat(s.patientApi(port).post(path, "{}").errorFields()).containsExactly("answers");
        assertThat(s.patientApi(port).post(path, "{\"answers\":{\"pain\":4,\"enjoyment\":4,\"activity\":4,\"change\":3}}")
                .errorFields()).containsExactly("answers.change");
        assertThat(responses(s.patient())).isZero();
    }

    @Test
    void a_peg_fall_from_6_0_to_4_0_is_an_important_improvement_and_to_4_3_is_not() {
        Setup s = patientWithPlan();
        Api api = s.patientApi(port);
        long baseline = idOf(api.get("/api/v1/me/questionnaires").json().get("items"), "PEG");
        assertThat(api.post("/api/v1/me/questionnaires/" + baseline + "/response", peg(6, 6, 6)).status())
                .isEqualTo(201);

        clock.setDate(DAY.plusDays(7));
        long week1 = idOf(api.get("/api/v1/me/questionnaires").json().get("items"), "PEG");
        Api.Reply fall = api.post("/api/v1/me/questionnaires/" + week1 + "/response", peg(4, 4, 4));
        assertThat(fall.json().get("score").decimalValue()).isEqualByComparingTo("4.0");

        clock.setDate(DAY.plusDays(14));
        long week2 = idOf(api.get("/api/v1/me/questionnaires").json().get("items"), "PEG");
        assertThat(api.post("/api/v1/me/questionnaires/" + week2 + "/response", peg(5, 4, 4)).json().get("score")
                .decimalValue()).isEqualByComparingTo("4.3");

        Api.Reply outcomes = Api.as(port, s.clinician()).get("/api/v1/patients/" + s.patient() + "/outcomes");
        assertThat(outcomes.status()).isEqualTo(200);
        JsonNode items = outcomes.json().get("items");
        assertThat(items).hasSize(3);
        JsonNode first = items.get(0);
        assertThat(first.get("instrument").asString()).isEqualTo("PEG");
        assertThat(first.get("date").asString()).isEqualTo(DAY.toString());
        assertThat(first.get("score").decimalValue()).isEqualByComparingTo("6.0");
        assertThat(first.get("baseline").decimalValue()).isEqualByComparingTo("6.0");
        assertThat(first.get("importantImprovement").asBoolean()).isFalse();
        JsonNode second = items.get(1);
        assertThat(second.get("score").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(second.get("baseline").decimalValue()).isEqualByComparingTo("6.0");
        assertThat(second.get("change").decimalValue()).isEqualByComparingTo("-2.0");
        assertThat(second.get("importantImprovement").asBoolean()).isTrue();
        JsonNode third = items.get(2);
        assertThat(third.get("date").asString()).isEqualTo(DAY.plusDays(14).toString());
        assertThat(third.get("score").decimalValue()).isEqualByComparingTo("4.3");
        assertThat(third.get("change").decimalValue()).isEqualByComparingTo("-1.7");
        assertThat(third.get("importantImprovement").asBoolean()).isFalse();
        assertThat(third.get("answers").get(0).get("key").asString()).isEqualTo("pain");
        assertThat(third.get("answers").get(0).get("value").asInt()).isEqualTo(5);
    }

    @Test
    void the_care_team_sees_the_outcomes_another_clinician_gets_404_and_both_reads_are_audited() {
        Setup s = patientWithPlan();
        TestData.User other = data.staff(s.clinic(), Role.CLINICIAN);

        assertThat(Api.as(port, s.clinician()).get("/api/v1/patients/" + s.patient() + "/outcomes").status())
                .isEqualTo(200);
        Api.Reply refused = Api.as(port, other).get("/api/v1/patients/" + s.patient() + "/outcomes");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(Api.as(port, s.patientUser()).get("/api/v1/patients/" + s.patient() + "/outcomes").status())
                .isEqualTo(403);
        assertThat(Api.as(port, other).get("/api/v1/patients/999999999/outcomes").status()).isEqualTo(404);

        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and user_id = ? "
                        + "and action = 'VIEWED_OUTCOMES' and allowed").params(s.patient(), s.clinician().id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and user_id = ? "
                        + "and action = 'ACCESS_DENIED' and not allowed and detail like 'VIEWED_OUTCOMES%'")
                .params(s.patient(), other.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void another_patients_questionnaire_is_not_found_and_nothing_is_stored() {
        Setup mine = patientWithPlan();
        Setup theirs = patientWithPlan();
        long peg = idOf(theirs.patientApi(port).get("/api/v1/me/questionnaires").json().get("items"), "PEG");

        assertThat(mine.patientApi(port).post("/api/v1/me/questionnaires/" + peg + "/response", peg(1, 1, 1)).status())
                .isEqualTo(404);
        assertThat(responses(theirs.patient())).isZero();
        assertThat(Api.as(port, mine.clinician()).post("/api/v1/me/questionnaires/" + peg + "/response",
                peg(1, 1, 1)).status()).isEqualTo(403);
    }

    @Test
    void psfs_names_activities_at_baseline_and_rates_them_in_the_same_order_later() {
        Setup s = patientWithPlan();
        Api api = s.patientApi(port);
        long baseline = idOf(api.get("/api/v1/me/questionnaires").json().get("items"), "PSFS");
        String path = "/api/v1/me/questionnaires/" + baseline + "/response";

        Api.Reply tooFew = api.post(path, "{\"activities\":[{\"name\":\"walking to the shop\",\"rating\":3}]}");
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.errorFields()).containsExactly("activities");
        Api.Reply badRating = api.post(path, "{\"activities\":[{\"name\":\"walking to the shop\",\"rating\":3},"
                + "{\"name\":\"putting on socks\",\"rating\":4.5},{\"name\":\"\",\"rating\":2}]}");
        assertThat(badRating.errorFields()).containsExactly("activities[1].rating");
        assertThat(api.post(path, "{\"activities\":[{\"name\":\"walking to the shop\",\"rating\":3},"
                + "{\"name\":\"putting on socks\",\"rating\":4},{\"name\":\"\",\"rating\":2}]}").errorFields())
                .containsExactly("activities[2].name");
        assertThat(responses(s.patient())).isZero();

        Api.Reply ok = api.post(path, "{\"activities\":[{\"name\":\"walking to the shop\",\"rating\":3},"
                + "{\"name\":\"putting on socks\",\"rating\":5},{\"name\":\"lifting my grandson\",\"rating\":2}]}");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("score").decimalValue()).isEqualByComparingTo("3.3");

        clock.setDate(DAY.plusDays(14));
        JsonNode due = api.get("/api/v1/me/questionnaires").json().get("items");
        long followUp = idOf(due, "PSFS");
        for (JsonNode item : due) {
            if (item.get("instrument").asString().equals("PSFS")) {
                assertThat(item.get("dueDate").asString()).isEqualTo(DAY.plusDays(14).toString());
                assertThat(item.get("activities").get(2).asString()).isEqualTo("lifting my grandson");
            }
        }
        String followPath = "/api/v1/me/questionnaires/" + followUp + "/response";
        assertThat(api.post(followPath, "{\"ratings\":[5,6]}").errorFields()).containsExactly("ratings");
        assertThat(api.post(followPath, "{\"ratings\":[5,6,11]}").errorFields()).containsExactly("ratings[2]");
        Api.Reply rated = api.post(followPath, "{\"ratings\":[5,7,4]}");
        assertThat(rated.status()).isEqualTo(201);
        assertThat(rated.json().get("score").decimalValue()).isEqualByComparingTo("5.3");
        assertThat(rated.json().get("importantImprovement").asBoolean()).isTrue();

        JsonNode outcome = Api.as(port, s.clinician()).get("/api/v1/patients/" + s.patient() + "/outcomes").json()
                .get("items").get(1);
        assertThat(outcome.get("baseline").decimalValue()).isEqualByComparingTo("3.3");
        assertThat(outcome.get("change").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(outcome.get("answers").get(1).get("label").asString()).isEqualTo("putting on socks");
        assertThat(outcome.get("answers").get(1).get("value").asInt()).isEqualTo(7);
    }

    @Test
    void a_questionnaire_is_overdue_after_3_days_and_a_missed_one_is_not_made_up() {
        Setup s = patientWithPlan();
        Api api = s.patientApi(port);
        long firstPeg = idOf(api.get("/api/v1/me/questionnaires").json().get("items"), "PEG");

        clock.setDate(DAY.plusDays(3));
        assertThat(api.get("/api/v1/me/questionnaires").json().get("items").get(0).get("status").asString())
                .isEqualTo("DUE");
        clock.setDate(DAY.plusDays(4));
        JsonNode overdue = api.get("/api/v1/me/questionnaires").json().get("items");
        assertThat(overdue).hasSize(2).allSatisfy(i -> assertThat(i.get("status").asString()).isEqualTo("OVERDUE"));

        clock.setDate(DAY.plusDays(7));
        JsonNode week1 = api.get("/api/v1/me/questionnaires").json().get("items");
        assertThat(week1).hasSize(2); // the new PEG, and the baseline PSFS (next PSFS at day 14)
        long nextPeg = idOf(week1, "PEG");
        assertThat(nextPeg).isNotEqualTo(firstPeg);
        Api.Reply late = api.post("/api/v1/me/questionnaires/" + firstPeg + "/response", peg(5, 5, 5));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("QUESTIONNAIRE_CLOSED");
        assertThat(responses(s.patient())).isZero();
    }

    @Test
    void two_answers_at_once_store_one_and_the_other_gets_409() throws Exception {
        Setup s = patientWithPlan();
        long peg = idOf(s.patientApi(port).get("/api/v1/me/questionnaires").json().get("items"), "PEG");
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> s.patientApi(port)
                        .post("/api/v1/me/questionnaires/" + peg + "/response", peg(3, 3, 3)).status(), pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(201, 409).filteredOn(x -> x == 201).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(responses(s.patient())).isEqualTo(1);
    }

    @Test
    void groc_falls_due_at_week_6_and_plus_4_is_an_important_improvement() {
        Setup s = patientWithPlan();
        Api api = s.patientApi(port);
        clock.setDate(DAY.plusDays(42));
        JsonNode due = api.get("/api/v1/me/questionnaires").json().get("items");
        long groc = idOf(due, "GROC");
        assertThat(api.post("/api/v1/me/questionnaires/" + groc + "/response", "{\"answers\":{\"change\":8}}")
                .errorFields()).containsExactly("answers.change");
        Api.Reply r = api.post("/api/v1/me/questionnaires/" + groc + "/response", "{\"answers\":{\"change\":4}}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("score").decimalValue()).isEqualByComparingTo("4");
        assertThat(r.json().get("importantImprovement").asBoolean()).isTrue();
        JsonNode outcome = Api.as(port, s.clinician()).get("/api/v1/patients/" + s.patient() + "/outcomes").json()
                .get("items").get(0);
        assertThat(outcome.get("baseline").isNull()).isTrue();
    }

    @Test
    void the_daily_run_creates_due_questionnaires_once_however_often_it_runs() {
        Setup s = patientWithPlan();
        clock.setDate(DAY.plusDays(7));
        outcomes.scheduleAll();
        outcomes.scheduleAll();
        assertThat(jdbc.sql("select count(*) from questionnaire where patient_id = ?").params(s.patient())
                .query(Long.class).single()).isEqualTo(3); // PEG day 0 and 7, PSFS day 0
        assertThat(s.patientApi(port).get("/api/v1/me/questionnaires").json().get("items")).hasSize(2);
        assertThat(jdbc.sql("select count(*) from questionnaire where patient_id = ?").params(s.patient())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Autowired
    OutcomeService outcomes;
}
