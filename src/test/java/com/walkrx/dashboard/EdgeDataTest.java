package com.walkrx.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.dashboard.DashboardFixture.PhaseSpec;
import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData.User;
import com.walkrx.support.WalkRxTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: ordinary data never makes a list or chart fail. Generates every combination of the edges that
 * broke or could break an aggregate (a plan activated today, tomorrow or in ten days, at the clinic's
 * midnight, activated yesterday, paused today, ended today, a draft; per-day and per-week phases; no
 * check-in, one check-in today or yesterday, a heavy day) and asks every list and chart about all of them,
 * through the HTTP API and the services, at noon and on both sides of the clinic's midnight.
 */
@WalkRxTest
class EdgeDataTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 29); // the clocks go forward in London at 01:00
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Autowired
    CaseloadService caseload;
    @Autowired
    ClinicOverviewService overview;
    @Autowired
    PatientChartService charts;
    @Autowired
    ProgressService progress;

    record PlanEdge(String name, String status, LocalDate start, Instant activatedAt, Instant endedAt) {
    }

    record ActivityEdge(String name, Consumer<Long> write) {
    }

    @Test
    void every_list_and_chart_answers_with_sensible_numbers_for_every_edge_patient() {
        clock.setDate(TODAY);
        long clinic = data.clinic();
        User clinician = data.staff(clinic, Role.CLINICIAN);
        User admin = data.staff(clinic, Role.ADMIN);
        var f = new DashboardFixture(jdbc);
        Instant midnight = TODAY.atStartOfDay(ZONE).toInstant();
        List<PlanEdge> plans = List.of(
                new PlanEdge("none", null, null, null, null),
                new PlanEdge("activated today", "ACTIVE", TODAY, at(TODAY, 9), null),
                new PlanEdge("activated at the clinic's midnight", "ACTIVE", TODAY, midnight, null),
                new PlanEdge("activated a second before midnight", "ACTIVE", TODAY.minusDays(1), midnight.minusSeconds(1), null),
                new PlanEdge("starts tomorrow", "ACTIVE", TODAY.plusDays(1), at(TODAY, 9), null),
                new PlanEdge("activated in ten days", "ACTIVE", TODAY.plusDays(10), at(TODAY.plusDays(10), 9), null),
                new PlanEdge("start date today, never activated", "ACTIVE", TODAY, null, null),
                new PlanEdge("start date in the future, never activated", "ACTIVE", TODAY.plusDays(3), null, null),
                new PlanEdge("activated yesterday", "ACTIVE", TODAY.minusDays(1), at(TODAY.minusDays(1), 9), null),
                new PlanEdge("activated a month ago", "ACTIVE", TODAY.minusDays(30), at(TODAY.minusDays(30), 9), null),
                new PlanEdge("paused, activated today", "PAUSED", TODAY, at(TODAY, 8), null),
                new PlanEdge("draft starting today", "DRAFT", TODAY, null, null),
                new PlanEdge("ended today", "ENDED", TODAY.minusDays(20), at(TODAY.minusDays(20), 9), at(TODAY, 10)),
                new PlanEdge("started and ended today", "ENDED", TODAY, at(TODAY, 9), at(TODAY, 11)));
        List<ActivityEdge> activity = List.of(
                new ActivityEdge("no check-in", p -> { }),
                new ActivityEdge("one check-in today", p -> f.checkIn(clinic, p, TODAY, 4, 3000)),
                new ActivityEdge("one check-in yesterday", p -> f.checkIn(clinic, p, TODAY.minusDays(1), 6, null)),
                new ActivityEdge("one walk today", p -> f.walk(clinic, p, TODAY, 10, 3, 3)),
                new ActivityEdge("a heavy day yesterday", p -> {
                    for (int i = 0; i < 4; i++) {
                        f.walk(clinic, p, TODAY.minusDays(1), 150, 2, 8);
                    }
                }));
        List<Long> patients = new ArrayList<>();
        List<User> patientUsers = new ArrayList<>();
        int n = 0;
        for (PlanEdge plan : plans) {
            for (ActivityEdge act : activity) {
                for (boolean perWeek : new boolean[] {false, true}) {
                    if (plan.status() == null && perWeek) {
                        continue;
                    }
                    long patient = data.patient(clinic, "Edge" + n++, plan.name() + ", " + act.name(), null, clinician);
                    patients.add(patient);
                    if (plan.status() != null) {
                        PhaseSpec phase = perWeek ? PhaseSpec.perWeek(1, 3, 20) : PhaseSpec.perDay(1, 2, 10);
                        long planId = f.plan(clinic, patient, plan.status(), 1, plan.start(), null,
                                plan.activatedAt() == null ? null : plan.start(), phase, PhaseSpec.perDay(2, 3, 15));
                        jdbc.sql("update plan set activated_at = ?, ended_at = ? where id = ?")
                                .params(ts(plan.activatedAt()), ts(plan.endedAt()), planId).update();
                    }
                    act.write().accept(patient);
                    if (patients.size() % 30 == 2) {
                        patientUsers.add(data.patientUser(clinic, patient));
                    }
                }
            }
        }
        // One patient with a flag raised at the clinic's midnight, and one on a live plan after an ended one.
        f.flag(clinic, patients.get(1), "FEVER", "HIGH", "OPEN", TODAY);
        long replanned = data.patient(clinic, "Edge" + n, "ended today, new plan today", null, clinician);
        long ended = f.plan(clinic, replanned, "ENDED", 1, TODAY.minusDays(40), null, TODAY.minusDays(40),
                PhaseSpec.perDay(1, 2, 10));
        jdbc.sql("update plan set activated_at = ?, ended_at = ? where id = ?")
                .params(ts(at(TODAY.minusDays(40), 9)), ts(at(TODAY, 9)), ended).update();
        f.plan(clinic, replanned, "ACTIVE", 1, TODAY, TODAY, TODAY, PhaseSpec.perWeek(1, 5, 30));
        patients.add(replanned);

        boolean first = true;
        for (Instant now : List.of(at(TODAY, 12), midnight, TODAY.plusDays(1).atStartOfDay(ZONE).toInstant().minusMillis(1))) {
            clock.setInstant(now);
            for (User staff : List.of(clinician, admin)) {
                assertLists(staff, patients.size());
                assertServices(staff, patients, first);
            }
            first = false;
            for (User patient : patientUsers) {
                Api api = Api.as(port, patient);
                Api.Reply today = api.get("/api/v1/me/today");
                assertThat(today.status()).as("today at %s: %s", now, today.body()).isEqualTo(200);
                assertThat(api.get("/api/v1/me/check-ins").status()).isEqualTo(200);
                patient.login();
                MyProgress mine = progress.mine(patient.caller());
                assertThat(mine.weeks()).allSatisfy(w -> {
                    assertPain(w.meanPain());
                    assertPain(w.meanPainAfterWalks());
                });
                assertPain(mine.firstPainAfterWalks());
                assertPain(mine.recentPainAfterWalks());
            }
        }
        // The patients' own check-ins go through flag history and plan progression at every edge.
        clock.setDate(TODAY);
        for (User patient : patientUsers) {
            Api.Reply posted = Api.as(port, patient).post("/api/v1/check-ins",
                    "{\"date\":\"" + TODAY + "\",\"overallPain\":5,\"walks\":[{\"minutes\":12,\"surface\":\"FLAT\","
                            + "\"painBefore\":4,\"painAfter\":5,\"sharpPain\":false}]}");
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        }
        assertLists(clinician, patients.size());
    }

    @Test
    void an_absurd_page_number_is_refused_naming_page_and_never_overflows() {
        long clinic = data.clinic();
        User clinician = data.staff(clinic, Role.CLINICIAN);
        data.patient(clinic, clinician);
        Api api = Api.as(port, clinician);
        for (String path : List.of("/api/v1/patients?page=10737419&size=200", "/api/v1/patients?page=2147483647&size=1",
                "/api/v1/flags?page=2147483647&size=200", "/api/v1/patients?page=50001&size=200")) {
            Api.Reply reply = api.get(path);
            assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(400);
            assertThat(reply.errorFields()).containsExactly("page");
        }
        Api.Reply farthest = api.get("/api/v1/patients?page=50000&size=200");
        assertThat(farthest.status()).isEqualTo(200);
        assertThat(farthest.json().get("items").size()).isZero();
        assertThat(farthest.json().get("total").asLong()).isEqualTo(1);
    }

    private void assertLists(User staff, int patients) {
        Api api = Api.as(port, staff);
        List<String> queries = staff.role() != Role.CLINICIAN ? List.of("", "&sort=adherence7d")
                : List.of("", "&sort=name", "&sort=adherence7d", "&sort=-adherence7d", "&sort=-lastCheckInDate",
                        "&openFlags=true", "&noRecentCheckIn=true", "&phase=1", "&phase=-1", "&q=edge");
        for (String query : queries) {
            Api.Reply reply = api.get("/api/v1/patients?size=200" + query);
            assertThat(reply.status()).as("%s %s at %s: %s", staff.role(), query, clock.instant(), reply.body())
                    .isEqualTo(200);
            for (JsonNode item : reply.json().get("items")) {
                JsonNode adherence = item.get("adherence7d");
                if (!adherence.isNull()) {
                    assertThat(adherence.asDouble()).as(item.toString()).isBetween(0.0, 1.0);
                }
                if (!item.get("daysSinceLastCheckIn").isNull()) {
                    assertThat(item.get("daysSinceLastCheckIn").asInt()).isGreaterThanOrEqualTo(0);
                }
                if (!item.get("painChange").isNull()) {
                    assertThat(item.get("painChange").asDouble()).isBetween(-10.0, 10.0);
                }
                assertThat(item.get("pain28d").size()).isEqualTo(28);
            }
            if (query.isEmpty() && staff.role() == Role.CLINICIAN) {
                assertThat(reply.json().get("total").asLong()).isEqualTo(patients);
            }
        }
        if (staff.role() == Role.CLINICIAN) {
            Api.Reply last = api.get("/api/v1/patients?page=" + (patients / 7) + "&size=7");
            assertThat(last.status()).isEqualTo(200);
            assertThat(last.json().get("items").size()).isEqualTo(patients % 7);
            assertThat(api.get("/api/v1/flags?size=200").status()).isEqualTo(200);
        }
    }

    /** The overview, the caseload and every chart through the services; each patient's API replies once ({@code http}). */
    private void assertServices(User staff, List<Long> patients, boolean http) {
        staff.login();
        OverviewStats stats = overview.overview(staff.caller());
        OverviewStats.Adherence a = stats.adherence();
        assertThat(a.below50() + a.from50to79() + a.atLeast80() + a.noData()).isEqualTo(stats.patients());
        assertThat(stats.outcomes()).allSatisfy(o -> {
            if (o.meanChange() != null) {
                assertThat(o.meanChange()).isBetween(-10.0, 10.0);
            }
            if (o.share() != null) {
                assertThat(o.share()).isBetween(0.0, 1.0);
            }
        });
        CaseloadPage page = caseload.page(staff.caller(), CaseloadFilter.TRIAGE, 0, 200);
        assertThat(page.items()).allSatisfy(r -> {
            if (r.adherence7d() != null) {
                assertThat(r.adherence7d()).isBetween(0.0, 1.0);
            }
        });
        if (staff.role() != Role.CLINICIAN) {
            return;
        }
        Api api = Api.as(port, staff);
        for (int i = 0; i < patients.size(); i++) {
            long patient = patients.get(i);
            for (ChartRange range : http ? List.of(ChartRange.values()) : List.of(ChartRange.ALL)) {
                PatientChart chart = charts.chart(staff.caller(), patient, range);
                assertThat(chart.days()).isNotEmpty().allSatisfy(d -> {
                    assertPain(d.pain7dMean());
                    assertThat(d.minutes()).isGreaterThanOrEqualTo(0);
                    if (d.prescribedMinutes() != null) {
                        assertThat(d.prescribedMinutes()).isPositive();
                    }
                });
            }
            if (!http || i % 5 != 0) { // every fifth patient through HTTP as well (each request costs a bcrypt)
                continue;
            }
            Api.Reply plan = api.get("/api/v1/patients/" + patient + "/plan");
            assertThat(plan.status()).as(plan.body()).isIn(200, 404);
            if (plan.status() == 200 && !plan.json().get("adherence7d").isNull()) {
                assertThat(plan.json().get("adherence7d").asDouble()).isBetween(0.0, 1.0);
            }
            assertThat(api.get("/api/v1/patients/" + patient + "/check-ins").status()).isEqualTo(200);
        }
        SecurityContextHolder.clearContext();
    }

    private static void assertPain(Double value) {
        if (value != null) {
            assertThat(value).isBetween(0.0, 10.0);
        }
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
