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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The caseload's questionnaire badges come from SQL in the caseload's one statement; they must say what the
 * patient's own list says (OutcomeSchedule.status) on the same data.
 */
@WalkRxTest
class OutcomeCaseloadTest extends SpringTest {

    static final LocalDate DAY = LocalDate.of(2027, 9, 6);

    @Autowired
    OutcomeService outcomes;

    private TestData.User patientWithPlan(long clinic, TestData.User clinician, String family, LocalDate start) {
        long patient = data.patient(clinic, "Pat", family, null, clinician);
        TestData.User user = data.patientUser(clinic, patient);
        assertThat(Api.as(port, clinician).post("/api/v1/patients/" + patient + "/plan",
                "{\"template\":\"STANDARD\",\"startDate\":\"" + start + "\",\"overrideReason\":null}").status())
                .isEqualTo(201);
        return user;
    }

    private static JsonNode row(JsonNode items, long patientId) {
        for (JsonNode i : items) {
            if (i.get("id").asLong() == patientId) {
                return i;
            }
        }
        throw new AssertionError("patient " + patientId + " not in " + items);
    }

    private static long overdueInOwnList(Api patient) {
        List<String> statuses = new ArrayList<>();
        patient.get("/api/v1/me/questionnaires").json().get("items")
                .forEach(i -> statuses.add(i.get("status").asString()));
        return statuses.stream().filter("OVERDUE"::equals).count();
    }

    @Test
    void overdue_questionnaires_and_an_important_improvement_show_on_the_caseload_and_sort_it() {
        clock.setDate(DAY);
        long clinic = data.clinic();
        TestData.User clinician = data.staff(clinic, Role.CLINICIAN);
        TestData.User improving = patientWithPlan(clinic, clinician, "Improving", DAY);
        TestData.User silent = patientWithPlan(clinic, clinician, "Silent", DAY);
        Api improvingApi = Api.as(port, improving);
        JsonNode due = improvingApi.get("/api/v1/me/questionnaires").json().get("items");
        for (JsonNode q : due) {
            String body = q.get("instrument").asString().equals("PEG")
                    ? "{\"answers\":{\"pain\":6,\"enjoyment\":6,\"activity\":6}}"
                    : "{\"activities\":[{\"name\":\"walking\",\"rating\":3},{\"name\":\"gardening\",\"rating\":3},"
                      + "{\"name\":\"driving\",\"rating\":3}]}";
            assertThat(improvingApi.post("/api/v1/me/questionnaires/" + q.get("id").asLong() + "/response", body)
                    .status()).isEqualTo(201);
        }
        clock.setDate(DAY.plusDays(7));
        long peg = improvingApi.get("/api/v1/me/questionnaires").json().get("items").get(0).get("id").asLong();
        assertThat(improvingApi.post("/api/v1/me/questionnaires/" + peg + "/response",
                "{\"answers\":{\"pain\":4,\"enjoyment\":4,\"activity\":4}}").status()).isEqualTo(201);

        clock.setDate(DAY.plusDays(11));
        outcomes.scheduleAll(); // the hourly job: the silent patient never opened the app
        JsonNode items = Api.as(port, clinician).get("/api/v1/patients?sort=outcomes").json().get("items");

        JsonNode silentRow = row(items, silent.patientId());
        JsonNode improvingRow = row(items, improving.patientId());
        // day 11: the silent patient's PEG of day 7 and PSFS of day 0 are more than 3 days old
        assertThat(silentRow.get("overdueQuestionnaires").asInt()).isEqualTo(2)
                .isEqualTo((int) overdueInOwnList(Api.as(port, silent)));
        assertThat(improvingRow.get("overdueQuestionnaires").asInt()).isZero()
                .isEqualTo((int) overdueInOwnList(improvingApi));
        assertThat(improvingRow.get("importantImprovementOn").asString()).isEqualTo("PEG");
        assertThat(silentRow.get("importantImprovementOn").isNull()).isTrue();
        assertThat(items.get(0).get("id").asLong()).isEqualTo(silent.patientId());
        JsonNode reversed = Api.as(port, clinician).get("/api/v1/patients?sort=-outcomes").json().get("items");
        assertThat(reversed.get(0).get("id").asLong()).isEqualTo(improving.patientId());

        clock.setDate(DAY.plusDays(14)); // new PEG and PSFS due: the missed ones are not made up
        outcomes.scheduleAll();
        JsonNode later = Api.as(port, clinician).get("/api/v1/patients").json().get("items");
        assertThat(row(later, silent.patientId()).get("overdueQuestionnaires").asInt()).isZero()
                .isEqualTo((int) overdueInOwnList(Api.as(port, silent)));
    }
}
