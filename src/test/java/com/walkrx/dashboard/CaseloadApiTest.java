package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.dashboard.DashboardFixture.PhaseSpec;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Api;
import com.walkrx.support.TestData.User;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/patients: the caller's caseload, paged, highest open tier first, then the oldest open flag. */
@WalkRxTest
class CaseloadApiTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 4, 10);


    long clinic;
    User clinician;
    User otherClinician;
    long quiet;
    long highOld;
    long highNew;
    long urgent;
    long othersPatient;

    @BeforeEach
    void fixture() {
        clock.setDate(TODAY);
        var f = new DashboardFixture(jdbc);
        clinic = data.clinic();
        clinician = data.staff(clinic, Role.CLINICIAN);
        otherClinician = data.staff(clinic, Role.CLINICIAN);
        quiet = data.patient(clinic, "Quinn", "Quiet", null, clinician);
        highOld = data.patient(clinic, "Hal", "Older", null, clinician);
        highNew = data.patient(clinic, "Hana", "Newer", null, clinician);
        urgent = data.patient(clinic, "Uma", "Urgent", null, clinician);
        othersPatient = data.patient(clinic, "Otto", "Other", null, otherClinician);
        f.flag(clinic, highOld, "FEVER", "HIGH", "OPEN", TODAY.minusDays(4));
        f.flag(clinic, highNew, "FEVER", "HIGH", "OPEN", TODAY.minusDays(1));
        f.flag(clinic, highNew, "SHARP_OR_SEVERE_PAIN", "ADVISORY", "OPEN", TODAY.minusDays(9));
        f.flag(clinic, urgent, "CAUDA_EQUINA_SIGNS", "URGENT", "OPEN", TODAY);
        f.flag(clinic, othersPatient, "CAUDA_EQUINA_SIGNS", "URGENT", "OPEN", TODAY.minusDays(2));
        LocalDate start = TODAY.minusDays(14);
        f.plan(clinic, quiet, "ACTIVE", 1, start, start, start, PhaseSpec.perDay(1, 2, 10));
        f.walk(clinic, quiet, TODAY.minusDays(1), 20, 3, 2);
        for (int d = 0; d < 7; d++) {
            f.checkIn(clinic, quiet, start.plusDays(d), 5, null);
        }
        f.checkIn(clinic, quiet, TODAY.minusDays(1), 3, null);
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void a_clinician_gets_their_care_teams_patients_highest_tier_first_then_oldest_open_flag() {
        Api.Reply reply = Api.as(port, clinician).get("/api/v1/patients?page=0&size=50");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("total").asLong()).isEqualTo(4);
        assertThat(reply.json().get("page").asInt()).isZero();
        assertThat(reply.json().get("size").asInt()).isEqualTo(50);
        assertThat(ids(reply.json().get("items"))).containsExactly(urgent, highOld, highNew, quiet)
                .doesNotContain(othersPatient);

        JsonNode newer = reply.json().get("items").get(2);
        assertThat(newer.get("givenName").asString()).isEqualTo("Hana");
        assertThat(newer.get("familyName").asString()).isEqualTo("Newer");
        assertThat(newer.get("condition").asString()).isEqualTo("CHRONIC_LOW_BACK_PAIN");
        assertThat(newer.get("openFlagCount").asInt()).isEqualTo(2);
        assertThat(newer.get("highestOpenTier").asString()).isEqualTo("HIGH");
        assertThat(newer.get("openFlags").get("advisory").asInt()).isEqualTo(1);
        assertThat(newer.get("adherence7d").isNull()).isTrue();
        assertThat(newer.get("lastCheckInDate").isNull()).isTrue();

        JsonNode q = reply.json().get("items").get(3);
        assertThat(q.get("highestOpenTier").isNull()).isTrue();
        assertThat(q.get("openFlagCount").asInt()).isZero();
        assertThat(q.get("lastCheckInDate").asString()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(q.get("adherence7d").asDouble()).isCloseTo(1.0 / 7, org.assertj.core.api.Assertions.within(1e-12)); // 20 of 20 minutes on one of 7 days
        assertThat(q.get("latestPain").asInt()).isEqualTo(3);
        assertThat(q.get("baselinePain").asDouble()).isEqualTo(5.0);
        assertThat(q.get("painChange").asDouble()).isEqualTo(-2.0);
        assertThat(q.get("clinicallyImportantImprovement").asBoolean()).isTrue();
        assertThat(q.get("pain28d").size()).isEqualTo(28);
    }

    @Test
    void pages_hold_size_items_and_report_the_total() {
        Api.Reply second = Api.as(port, clinician).get("/api/v1/patients?page=1&size=3");
        assertThat(second.status()).isEqualTo(200);
        assertThat(ids(second.json().get("items"))).containsExactly(quiet);
        assertThat(second.json().get("total").asLong()).isEqualTo(4);
        Api.Reply beyond = Api.as(port, clinician).get("/api/v1/patients?page=5&size=3");
        assertThat(beyond.json().get("items").size()).isZero();
        assertThat(beyond.json().get("total").asLong()).isEqualTo(4);
    }

    @Test
    void replies_carry_the_service_time_in_a_server_timing_header() {
        Api.Reply reply = Api.as(port, clinician).get("/api/v1/patients?size=2");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Server-Timing")).matches("handler;dur=\\d+\\.\\d{3}");
        double millis = Double.parseDouble(reply.header("Server-Timing").substring("handler;dur=".length()));
        assertThat(millis).isPositive();
        // errors from the service carry it too; requests refused before a controller do not
        Api.Reply invalid = Api.as(port, clinician).get("/api/v1/patients?sort=nonsense");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Server-Timing")).startsWith("handler;dur=");
        assertThat(Api.anonymous(port).get("/api/v1/patients").header("Server-Timing")).isNull();
    }

    @Test
    void an_admin_gets_the_whole_clinic_and_filters_narrow_it() {
        User admin = data.staff(clinic, Role.ADMIN);
        Api.Reply all = Api.as(port, admin).get("/api/v1/patients");
        assertThat(ids(all.json().get("items"))).containsExactly(othersPatient, urgent, highOld, highNew, quiet);
        Api.Reply search = Api.as(port, admin).get("/api/v1/patients?q=newer");
        assertThat(ids(search.json().get("items"))).containsExactly(highNew);
        Api.Reply flagged = Api.as(port, clinician).get("/api/v1/patients?openFlags=true&sort=name");
        assertThat(ids(flagged.json().get("items"))).containsExactly(highNew, highOld, urgent);
    }

    @Test
    void listing_is_audited_and_limited_to_staff() {
        long before = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        Api.Reply page = Api.as(port, clinician).get("/api/v1/patients");
        // one entry per patient the page showed, after the read (issue 15)
        List<Long> audited = jdbc.sql("select patient_id from audit_event where id > ? and user_id = ?"
                        + " and action = 'LISTED_PATIENTS' order by id")
                .param(before).param(clinician.id()).query(Long.class).list();
        assertThat(audited).isNotEmpty().containsExactlyInAnyOrderElementsOf(ids(page.json().get("items")));

        User patient = data.patientUser(clinic, quiet);
        assertThat(Api.as(port, patient).get("/api/v1/patients").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/patients").status()).isEqualTo(401);
    }

    @Test
    void invalid_paging_and_sort_are_400_naming_the_field() {
        Api.Reply tooBig = Api.as(port, clinician).get("/api/v1/patients?size=201");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.errorFields()).containsExactly("size");
        Api.Reply badSort = Api.as(port, clinician).get("/api/v1/patients?sort=shoeSize");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.errorFields()).containsExactly("sort");
    }
}
