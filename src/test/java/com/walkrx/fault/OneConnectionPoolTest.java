package com.walkrx.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * No request needs two pooled connections at once. A thread that holds one connection and waits for a second
 * deadlocks with its neighbours as soon as as many requests arrive together as the pool has connections: each
 * holds one and waits for another until the pool's timeout, and every one of them answers 503 (20 patients'
 * phones sending at once did, in CI). With a pool of one connection such a request can never be served, so every
 * request here must get its ordinary answer.
 */
@WalkRxTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=1",
        "spring.datasource.hikari.connection-timeout=2500",
        // Flyway migrates on a connection of its own (it holds two while it migrates), as with DB_OWNER_USERNAME.
        "walkrx.db.owner-username=postgres", "walkrx.db.owner-password=postgres",
        // Background jobs need only one pooled connection too (ClusterLockTest), but their rounds would make this
        // test's requests wait for it: off here.
        "walkrx.progression.cron=-", "walkrx.flags.schedule-cron=-", "walkrx.outcomes.schedule-cron=-",
        "walkrx.flags.escalation-delay=24h", "walkrx.mail.retry-delay=24h"})
class OneConnectionPoolTest extends SpringTest {

    @Test
    void patients_and_clinicians_requests_are_served_by_a_pool_of_one_connection() {
        TestData.AdminClinic scene = data.adminClinic();
        TestData.User clinician = scene.clinician();
        long patient = scene.patient();
        long stranger = data.patient(data.clinic());

        List<String> problems = new ArrayList<>();
        Api me = Api.as(port, scene.patientUser());
        Api.Reply stored = me.post("/api/v1/check-ins", checkIn(), "one-pool-key");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        check(problems, "POST check-in again", me.post("/api/v1/check-ins",
                checkIn(), "one-pool-key"));
        for (String path : List.of("/api/v1/me", "/api/v1/me/today", "/api/v1/me/check-ins",
                "/api/v1/me/questionnaires")) {
            check(problems, "patient GET " + path, me.get(path));
        }
        Api staff = Api.as(port, clinician);
        for (String path : List.of("/api/v1/me", "/api/v1/patients", "/api/v1/flags",
                "/api/v1/patients/" + patient, "/api/v1/patients/" + patient + "/check-ins",
                "/api/v1/patients/" + patient + "/flags", "/api/v1/patients/" + patient + "/plan",
                "/api/v1/patients/" + patient + "/outcomes", "/api/v1/patients/" + stranger,
                "/api/v1/patients/" + stranger + "/check-ins", "/api/v1/check-ins/987654321",
                "/api/v1/flags/987654321", "/api/v1/caseload.csv")) {
            check(problems, "clinician GET " + path, staff.get(path));
        }
        Api clinicAdmin = Api.as(port, scene.admin());
        for (String path : List.of("/api/v1/patients", "/api/v1/clinic/settings")) {
            check(problems, "admin GET " + path, clinicAdmin.get(path));
        }
        check(problems, "wrong password", Api.as(port, clinician.username(), "not-the-password").get("/api/v1/me"));
        assertThat(problems).as("requests answered 5xx with one pooled connection").isEmpty();
    }

    /** Today's check-in with one walk and no symptoms. */
    private String checkIn() {
        return """
                {"date":"%s","overallPain":4,"steps":5400,
                 "walks":[{"minutes":10,"surface":"FLAT","painBefore":4,"painAfter":3,"sharpPain":false}],
                 "symptoms":{"numbnessTingling":"NONE","legWeakness":"NONE","bothLegs":false,"saddleNumbness":false,
                             "bladderBowelProblems":false,"fever":false,"unexplainedWeightLoss":false,
                             "newInjuryOrFall":false}}
                """.formatted(java.time.LocalDate.now(clock));
    }

    private static void check(List<String> problems, String what, Api.Reply reply) {
        if (reply.status() >= 500) {
            problems.add(what + " -> " + reply.status() + " " + reply.body());
        }
    }
}
