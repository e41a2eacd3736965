package com.walkrx.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.DemoMode;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.WalkRxTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo clinic carries outcome history from its first start: charts and badges have something to show. */
@WalkRxTest
class DemoOutcomesTest extends SpringTest {

    @Test
    void every_demo_patient_has_scored_responses_and_one_has_a_questionnaire_due_today() {
        assertThat(jdbc.sql("""
                        select count(distinct r.patient_id) from questionnaire_response r
                        join app_user u on u.id = (select user_id from patient where id = r.patient_id)
                        where u.username like 'demo-patient-%'""").query(Long.class).single()).isEqualTo(12);
        Api hannah = Api.as(port, "demo-patient-7", DemoMode.DEMO_PASSWORD);
        JsonNode due = hannah.get("/api/v1/me/questionnaires").json().get("items");
        List<String> today = new ArrayList<>();
        due.forEach(i -> today.add(i.get("instrument").asString() + " " + i.get("status").asString()
                + " " + i.get("dueDate").asString()));
        // The demo's dates are relative to the day it was seeded (the suite may run past midnight).
        String seededOn = jdbc.sql("select value from app_setting where key = 'demo-data-seeded'")
                .query(String.class).single();
        assertThat(today).contains("PEG DUE " + seededOn);

        Api clinician = Api.as(port, "demo-clinician-1", DemoMode.DEMO_PASSWORD);
        JsonNode outcomes = clinician.get("/api/v1/patients/" + data.patientOf("demo-patient-1") + "/outcomes").json()
                .get("items");
        List<String> instruments = new ArrayList<>();
        outcomes.forEach(o -> instruments.add(o.get("instrument").asString()));
        assertThat(instruments).contains("PEG", "PSFS", "GROC");
        assertThat(outcomes.get(0).get("baseline").isNull()).isFalse();

        JsonNode caseload = Api.as(port, "demo-clinician-2", DemoMode.DEMO_PASSWORD).get("/api/v1/patients?size=50")
                .json().get("items");
        int overdue = 0;
        int improved = 0;
        for (JsonNode row : caseload) {
            overdue += row.get("overdueQuestionnaires").asInt();
            improved += row.get("importantImprovementOn").isNull() ? 0 : 1;
        }
        assertThat(overdue).isPositive();
        assertThat(improved).isPositive();
    }
}
