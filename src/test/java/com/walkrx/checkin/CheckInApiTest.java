package com.walkrx.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.base.security.Role;
import com.walkrx.support.SpringTest;
import com.walkrx.support.Api;
import com.walkrx.support.Api.Reply;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The check-in endpoints of API.md, over real HTTP against PostgreSQL. */
@WalkRxTest
class CheckInApiTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    TestData.CareTeam team;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        team = data.careTeam();
    }

    @AfterEach
    void tearDown() {
        ProbeEvaluator.disarm(team.patient());
    }

    /** A valid check-in with one walk; {@code change} edits it before it is sent. */
    static Map<String, Object> body(Consumer<Map<String, Object>> change) {
        Map<String, Object> walk = new LinkedHashMap<>();
        walk.put("minutes", 10);
        walk.put("surface", "FLAT");
        walk.put("painBefore", 4);
        walk.put("painAfter", 3);
        walk.put("sharpPain", false);
        walk.put("steps", 1100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", TODAY.toString());
        body.put("overallPain", 4);
        body.put("steps", 5400);
        body.put("walks", new ArrayList<>(List.of(walk)));
        body.put("symptoms", symptoms());
        body.put("notes", "felt looser after the second walk");
        change.accept(body);
        return body;
    }

    static Map<String, Object> symptoms() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("numbnessTingling", "NONE");
        s.put("legWeakness", "NONE");
        s.put("bothLegs", false);
        s.put("saddleNumbness", false);
        s.put("bladderBowelProblems", false);
        s.put("fever", false);
        s.put("unexplainedWeightLoss", false);
        s.put("newInjuryOrFall", false);
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstWalk(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("walks")).getFirst();
    }

    static Arguments row(String name, Consumer<Map<String, Object>> change, String invalidField) {
        return Arguments.of(name, Api.json(body(change)), invalidField);
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> limits() {
        return Stream.of(
                row("pain after -1", b -> firstWalk(b).put("painAfter", -1), "walks[0].painAfter"),
                row("pain after 0", b -> firstWalk(b).put("painAfter", 0), null),
                row("pain after 10", b -> firstWalk(b).put("painAfter", 10), null),
                row("pain after 11", b -> firstWalk(b).put("painAfter", 11), "walks[0].painAfter"),
                row("pain before -1", b -> firstWalk(b).put("painBefore", -1), "walks[0].painBefore"),
                row("pain before 11", b -> firstWalk(b).put("painBefore", 11), "walks[0].painBefore"),
                row("overall pain -1", b -> b.put("overallPain", -1), "overallPain"),
                row("overall pain 0", b -> b.put("overallPain", 0), null),
                row("overall pain 10", b -> b.put("overallPain", 10), null),
                row("overall pain 11", b -> b.put("overallPain", 11), "overallPain"),
                row("pain 4.5 is not a whole number", b -> firstWalk(b).put("painAfter", 4.5), "walks[0].painAfter"),
                row("minutes 0", b -> firstWalk(b).put("minutes", 0), "walks[0].minutes"),
                row("minutes 1", b -> firstWalk(b).put("minutes", 1), null),
                row("minutes 300", b -> firstWalk(b).put("minutes", 300), null),
                row("minutes 301", b -> firstWalk(b).put("minutes", 301), "walks[0].minutes"),
                row("day steps -1", b -> b.put("steps", -1), "steps"),
                row("day steps 100000", b -> b.put("steps", 100_000), null),
                row("day steps 100001", b -> b.put("steps", 100_001), "steps"),
                row("walk steps 100001", b -> firstWalk(b).put("steps", 100_001), "walks[0].steps"),
                row("date tomorrow", b -> b.put("date", TODAY.plusDays(1).toString()), "date"),
                row("date today", b -> b.put("date", TODAY.toString()), null),
                row("date 7 days back", b -> b.put("date", TODAY.minusDays(7).toString()), null),
                row("date 8 days back", b -> b.put("date", TODAY.minusDays(8).toString()), "date"),
                row("date missing", b -> b.remove("date"), "date"),
                row("date not a date", b -> b.put("date", "29/11/2026"), "date"),
                row("notes of 2000 characters", b -> b.put("notes", "n".repeat(2000)), null),
                row("notes of 2001 characters", b -> b.put("notes", "n".repeat(2001)), "notes"),
                row("unknown field", b -> b.put("mood", "great"), "mood"),
                row("unknown field in a walk", b -> firstWalk(b).put("speed", 5), "walks[0].speed"),
                row("unknown surface", b -> firstWalk(b).put("surface", "ROCKY"), "walks[0].surface"),
                row("walk without sharp pain answer", b -> firstWalk(b).remove("sharpPain"), "walks[0].sharpPain"),
                row("symptoms missing one answer", b -> ((Map<String, Object>) b.get("symptoms")).remove("fever"),
                        "symptoms.fever"),
                row("symptom level unknown", b -> ((Map<String, Object>) b.get("symptoms")).put("legWeakness", "BAD"),
                        "symptoms.legWeakness"),
                row("walks only", b -> {
                    b.remove("overallPain");
                    b.remove("symptoms");
                }, null),
                row("symptoms only", b -> {
                    b.remove("overallPain");
                    b.remove("walks");
                }, null),
                row("overall pain only", b -> {
                    b.put("walks", List.of());
                    b.remove("symptoms");
                }, null),
                row("nothing to report", b -> {
                    b.put("walks", List.of());
                    b.remove("symptoms");
                    b.remove("overallPain");
                }, "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void each_limit_is_enforced_at_and_beyond_its_boundary(String name, String json, String invalidField) {
        long before = data.count("check_in");
        long walksBefore = data.count("walk");

        Reply reply = Api.as(port, team.patientUser()).post("/api/v1/check-ins", json);

        if (invalidField == null) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.json().get("id").asLong()).isPositive();
            assertThat(data.count("check_in")).isEqualTo(before + 1);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).contains("application/problem+json");
            assertThat(reply.errorFields()).contains(invalidField);
            assertThat(data.count("check_in")).isEqualTo(before);
            assertThat(data.count("walk")).isEqualTo(walksBefore);
        }
    }

    @Test
    void a_missing_body_is_invalid_and_names_the_body() {
        long before = data.count("check_in");
        Reply reply = Api.as(port, team.patientUser()).post("/api/v1/check-ins", null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("body");
        assertThat(data.count("check_in")).isEqualTo(before);
    }

    @Test
    void every_invalid_field_is_named_at_once() {
        Reply reply = Api.as(port, team.patientUser()).post("/api/v1/check-ins", Api.json(body(b -> {
            b.put("date", TODAY.plusDays(1).toString());
            b.put("overallPain", 12);
            firstWalk(b).put("minutes", 0);
            firstWalk(b).put("painAfter", 11);
        })));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("date", "overallPain", "walks[0].minutes",
                "walks[0].painAfter");
    }

    @Test
    void a_stored_check_in_reads_back_exactly_as_sent() {
        Reply created = Api.as(port, team.patientUser()).post("/api/v1/check-ins", Api.json(body(b -> { })));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("flags").isEmpty()).isTrue();
        assertThat(created.json().get("planPaused").asBoolean()).isFalse();
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/check-ins/" + id);

        Reply mine = Api.as(port, team.patientUser()).get("/api/v1/me/check-ins");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("total").asLong()).isEqualTo(1);
        var item = mine.json().get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("date").asString()).isEqualTo(TODAY.toString());
        assertThat(item.get("overallPain").asInt()).isEqualTo(4);
        assertThat(item.get("steps").asInt()).isEqualTo(5400);
        assertThat(item.get("notes").asString()).isEqualTo("felt looser after the second walk");
        var walk = item.get("walks").get(0);
        assertThat(walk.get("minutes").asInt()).isEqualTo(10);
        assertThat(walk.get("surface").asString()).isEqualTo("FLAT");
        assertThat(walk.get("painBefore").asInt()).isEqualTo(4);
        assertThat(walk.get("painAfter").asInt()).isEqualTo(3);
        assertThat(walk.get("sharpPain").asBoolean()).isFalse();
        assertThat(walk.get("steps").asInt()).isEqualTo(1100);
        assertThat(item.get("symptoms").get("numbnessTingling").asString()).isEqualTo("NONE");
        assertThat(item.get("symptoms").get("fever").asBoolean()).isFalse();

        Map<String, Object> row = jdbc.sql("select clinic_id, patient_id, date from walk where check_in_id = ?")
                .param(id).query().singleRow();
        assertThat(row).containsEntry("clinic_id", team.clinic()).containsEntry("patient_id", team.patient());
    }

    @Test
    void own_check_ins_are_paged_newest_first_with_their_walks() {
        Api api = Api.as(port, team.patientUser());
        for (int daysBack : new int[] {3, 1, 2}) {
            api.post("/api/v1/check-ins", Api.json(body(b -> {
                b.put("date", TODAY.minusDays(daysBack).toString());
                firstWalk(b).put("minutes", 10 + daysBack);
            })));
        }
        api.post("/api/v1/check-ins", Api.json(body(b -> {
            b.put("date", TODAY.minusDays(1).toString());
            b.put("walks", List.of());
            b.put("notes", "later the same day");
        })));

        Reply first = api.get("/api/v1/me/check-ins?page=0&size=2");
        assertThat(first.json().get("total").asLong()).isEqualTo(4);
        assertThat(first.json().get("size").asInt()).isEqualTo(2);
        var items = first.json().get("items");
        assertThat(items.get(0).get("notes").asString()).isEqualTo("later the same day");
        assertThat(items.get(0).get("walks").isEmpty()).isTrue();
        assertThat(items.get(1).get("walks").get(0).get("minutes").asInt()).isEqualTo(11);

        Reply second = api.get("/api/v1/me/check-ins?page=1&size=2");
        assertThat(second.json().get("page").asInt()).isEqualTo(1);
        assertThat(second.json().get("items").get(0).get("date").asString()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(second.json().get("items").get(1).get("walks").get(0).get("minutes").asInt()).isEqualTo(13);

        assertThat(api.get("/api/v1/me/check-ins?size=201").status()).isEqualTo(400);
    }

    @Test
    void the_care_team_reads_a_patients_check_ins_between_two_dates() {
        Api api = Api.as(port, team.patientUser());
        for (int daysBack = 0; daysBack <= 4; daysBack++) {
            int d = daysBack;
            api.post("/api/v1/check-ins", Api.json(body(b -> b.put("date", TODAY.minusDays(d).toString()))));
        }
        Reply reply = Api.as(port, team.clinician()).get("/api/v1/patients/" + team.patient() + "/check-ins?from="
                + TODAY.minusDays(3) + "&to=" + TODAY.minusDays(1));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("total").asLong()).isEqualTo(3);
        List<String> dates = new ArrayList<>();
        reply.json().get("items").forEach(i -> dates.add(i.get("date").asString()));
        assertThat(dates).containsExactly(TODAY.minusDays(1).toString(), TODAY.minusDays(2).toString(),
                TODAY.minusDays(3).toString());

        TestData.User admin = data.staff(team.clinic(), Role.ADMIN);
        assertThat(Api.as(port, admin).get("/api/v1/patients/" + team.patient() + "/check-ins").json().get("total").asLong())
                .isEqualTo(5);
        assertThat(Api.as(port, team.clinician()).get("/api/v1/patients/" + team.patient() + "/check-ins?from=" + TODAY
                + "&to=" + TODAY.minusDays(1)).errorFields()).containsExactly("to");
        assertThat(Api.as(port, team.clinician()).get("/api/v1/patients/" + team.patient() + "/check-ins?from=yesterday")
                .errorFields()).containsExactly("from");
    }

    @Test
    void the_same_idempotency_key_twice_stores_one_check_in_and_replies_the_same() {
        Api api = Api.as(port, team.patientUser());
        String json = Api.json(body(b -> { }));
        Reply first = api.post("/api/v1/check-ins", json, "retry-key-1");
        Reply second = api.post("/api/v1/check-ins", json, "retry-key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(countFor(team.patient())).isEqualTo(1);
        assertThat(walkCountFor(team.patient())).isEqualTo(1);

        Reply other = api.post("/api/v1/check-ins", json, "retry-key-2");
        assertThat(other.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
        assertThat(countFor(team.patient())).isEqualTo(2);
    }

    @Test
    void the_same_idempotency_key_from_twenty_threads_at_once_stores_exactly_one_check_in() throws Exception {
        String json = Api.json(body(b -> { }));
        int threads = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            calls.add(() -> {
                start.await();
                return Api.as(port, team.patientUser()).post("/api/v1/check-ins", json, "burst-key");
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (Callable<Reply> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            Set<String> bodies = new HashSet<>();
            for (Future<Reply> f : futures) {
                Reply r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                bodies.add(r.json().toString());
            }
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countFor(team.patient())).isEqualTo(1);
    }

    @Test
    void the_same_key_of_two_patients_stores_two_check_ins() {
        long other = data.patient(team.clinic(), team.clinician());
        TestData.User otherUser = data.patientUser(team.clinic(), other);
        String json = Api.json(body(b -> { }));
        Reply mine = Api.as(port, team.patientUser()).post("/api/v1/check-ins", json, "shared-key");
        Reply theirs = Api.as(port, otherUser).post("/api/v1/check-ins", json, "shared-key");
        assertThat(theirs.json().get("id").asLong()).isNotEqualTo(mine.json().get("id").asLong());
        assertThat(countFor(team.patient())).isEqualTo(1);
        assertThat(countFor(other)).isEqualTo(1);
    }

    @Test
    void flags_of_the_evaluators_are_in_the_reply_and_in_the_replayed_reply() {
        ProbeEvaluator.arm(team.patient(), ProbeEvaluator.Behaviour.RAISE);
        Api api = Api.as(port, team.patientUser());
        Reply first = api.post("/api/v1/check-ins", Api.json(body(b -> { })), "flag-key");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("planPaused").asBoolean()).isTrue();
        var flag = first.json().get("flags").get(0);
        assertThat(flag.get("code").asString()).isEqualTo("PROBE");
        assertThat(flag.get("tier").asString()).isEqualTo("HIGH");
        assertThat(flag.get("patientMessage").asString()).isEqualTo(ProbeEvaluator.PROBE_FLAG.patientMessage());
        assertThat(flag.get("id").asLong()).isEqualTo(ProbeEvaluator.PROBE_FLAG.id());
        assertThat(ProbeEvaluator.walksSeen.get(team.patient())).as("walks visible to the evaluator").isEqualTo(1);

        ProbeEvaluator.disarm(team.patient());
        Reply replay = api.post("/api/v1/check-ins", Api.json(body(b -> { })), "flag-key");
        assertThat(replay.json()).isEqualTo(first.json());
    }

    @Test
    void when_an_evaluator_fails_the_check_in_is_not_stored_either() {
        ProbeEvaluator.arm(team.patient(), ProbeEvaluator.Behaviour.FAIL);
        Reply reply = Api.as(port, team.patientUser()).post("/api/v1/check-ins", Api.json(body(b -> { })), "fail-key");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(countFor(team.patient())).isZero();
        assertThat(walkCountFor(team.patient())).isZero();
    }

    @Test
    void a_patient_cannot_read_another_patients_check_ins() {
        long other = data.patient(team.clinic(), team.clinician());
        TestData.User otherUser = data.patientUser(team.clinic(), other);
        long theirs = Api.as(port, otherUser).post("/api/v1/check-ins", Api.json(body(b -> { })))
                .json().get("id").asLong();

        Api me = Api.as(port, team.patientUser());
        assertThat(me.get("/api/v1/patients/" + other + "/check-ins").status()).isEqualTo(404);
        assertThat(me.get("/api/v1/check-ins/" + theirs).status()).isEqualTo(404);
        assertThat(me.get("/api/v1/me/check-ins").json().get("total").asLong()).isZero();
        assertThat(me.get("/api/v1/patients/" + team.patient() + "/check-ins").status()).isEqualTo(200);
    }

    @Test
    void a_patient_writes_only_to_their_own_record() {
        long other = data.patient(team.clinic(), team.clinician());
        data.patientUser(team.clinic(), other);
        Reply reply = Api.as(port, team.patientUser()).post("/api/v1/check-ins",
                Api.json(body(b -> b.put("patientId", other))));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("patientId");

        Api.as(port, team.patientUser()).post("/api/v1/check-ins", Api.json(body(b -> { })));
        assertThat(countFor(team.patient())).isEqualTo(1);
        assertThat(countFor(other)).isZero();
    }

    @Test
    void each_read_of_a_patients_check_ins_is_audited_once_whether_or_not_it_finds_any() {
        TestData.User colleague = data.staff(team.clinic(), Role.CLINICIAN);
        String path = "/api/v1/patients/" + team.patient() + "/check-ins";
        // an empty record: the scoped query finds nothing, so the access check decides (allowed)
        assertThat(Api.as(port, team.clinician()).get(path).json().get("total").asLong()).isZero();
        assertThat(audits(team.clinician(), "VIEWED_CHECK_INS", true)).isEqualTo(1);

        Api.as(port, team.patientUser()).post("/api/v1/check-ins", Api.json(body(b -> { })));
        // rows prove the relationship: one allowed entry, no second look-up needed
        assertThat(Api.as(port, team.clinician()).get(path).json().get("total").asLong()).isEqualTo(1);
        assertThat(audits(team.clinician(), "VIEWED_CHECK_INS", true)).isEqualTo(2);
        // a page past the end still reports the total
        assertThat(Api.as(port, team.clinician()).get(path + "?page=3&size=1").json().get("total").asLong()).isEqualTo(1);

        // out of reach: not found, audited as denied, nothing recorded as viewed
        assertThat(Api.as(port, colleague).get(path).status()).isEqualTo(404);
        assertThat(audits(colleague, "ACCESS_DENIED", false)).isEqualTo(1);
        assertThat(audits(colleague, "VIEWED_CHECK_INS", true)).isZero();
    }

    private long audits(TestData.User user, String action, boolean allowed) {
        return jdbc.sql("select count(*) from audit_event where user_id = :u and action = :a and allowed = :allowed"
                        + " and patient_id = :p")
                .param("u", user.id()).param("a", action).param("allowed", allowed).param("p", team.patient())
                .query(Long.class).single();
    }

    @Test
    void a_clinician_outside_the_care_team_gets_not_found() {
        Api.as(port, team.patientUser()).post("/api/v1/check-ins", Api.json(body(b -> { })));
        TestData.User colleague = data.staff(team.clinic(), Role.CLINICIAN);
        long otherClinic = data.clinic();
        TestData.User stranger = data.staff(otherClinic, Role.CLINICIAN);
        TestData.User otherAdmin = data.staff(otherClinic, Role.ADMIN);

        assertThat(Api.as(port, colleague).get("/api/v1/patients/" + team.patient() + "/check-ins").status()).isEqualTo(404);
        assertThat(Api.as(port, stranger).get("/api/v1/patients/" + team.patient() + "/check-ins").status()).isEqualTo(404);
        assertThat(Api.as(port, otherAdmin).get("/api/v1/patients/" + team.patient() + "/check-ins").status()).isEqualTo(404);
        assertThat(Api.as(port, colleague).get("/api/v1/patients/" + Long.MAX_VALUE + "/check-ins").status())
                .isEqualTo(404);
    }

    @Test
    void a_clinician_cannot_post_a_check_in() {
        long before = data.count("check_in");
        Reply reply = Api.as(port, team.clinician()).post("/api/v1/check-ins", Api.json(body(b -> { })));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(Api.as(port, team.clinician()).get("/api/v1/me/check-ins").status()).isEqualTo(403);
        assertThat(data.count("check_in")).isEqualTo(before);
    }

    @Test
    void without_credentials_the_api_answers_401() {
        Reply reply = Api.anonymous(port).post("/api/v1/check-ins", Api.json(body(b -> { })));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }

    private long countFor(long patientId) {
        return jdbc.sql("select count(*) from check_in where patient_id = ?").param(patientId).query(Long.class).single();
    }

    private long walkCountFor(long patientId) {
        return jdbc.sql("select count(*) from walk where patient_id = ?").param(patientId).query(Long.class).single();
    }
}
