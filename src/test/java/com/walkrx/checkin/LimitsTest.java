package com.walkrx.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.Api;
import com.walkrx.support.SpringTest;
import com.walkrx.support.TestData;
import com.walkrx.support.WalkRxTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12's limits, at their boundaries, over real HTTP: body sizes (64 KB JSON, 8 KB CSP reports), 20 walks per
 * check-in, 600 walked minutes per patient and date (with minutes already stored), 50 errors per reply, and an
 * Idempotency-Key reused for a different body.
 */
@WalkRxTest
class LimitsTest extends SpringTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    TestData.User patientUser;

    @BeforeEach
    void setUp() {
        clock.setDate(TODAY);
        patientUser = data.careTeam().patientUser();
    }

    static String walk(int minutes) {
        return "{\"minutes\":" + minutes + ",\"surface\":\"FLAT\",\"painBefore\":3,\"painAfter\":3,\"sharpPain\":false}";
    }

    static String checkIn(LocalDate date, List<Integer> minutes) {
        return "{\"date\":\"" + date + "\",\"walks\":["
                + String.join(",", minutes.stream().map(LimitsTest::walk).toList()) + "]}";
    }

    static Stream<Arguments> walkLimits() {
        return Stream.of(
                // stored minutes that date, the new check-in's walks, expected status, field named
                Arguments.of(List.of(), repeat(20, 10), 201, null),
                Arguments.of(List.of(), repeat(21, 10), 400, "walks"),
                Arguments.of(List.of(), repeat(21, 1), 400, "walks"),
                Arguments.of(List.of(), List.of(300, 300), 201, null),
                Arguments.of(List.of(), List.of(300, 300, 1), 400, "walks[2].minutes"),
                Arguments.of(List.of(), List.of(300, 299, 2), 400, "walks[2].minutes"),
                Arguments.of(List.of(295, 295), List.of(10), 201, null),
                Arguments.of(List.of(295, 295), List.of(11), 400, "walks[0].minutes"),
                Arguments.of(List.of(300, 300), List.of(1), 400, "walks[0].minutes"),
                Arguments.of(List.of(295, 295), List.of(5, 5, 1), 400, "walks[2].minutes"),
                Arguments.of(List.of(600), List.of(), 201, null)); // overall pain only: no walk, no limit
    }

    @ParameterizedTest(name = "stored {0}, new {1} -> {2} {3}")
    @MethodSource("walkLimits")
    void walks_per_check_in_and_minutes_per_day_are_bounded(List<Integer> stored, List<Integer> walks, int status,
                                                           String field) {
        Api api = Api.as(port, patientUser);
        for (int m : stored) { // earlier check-ins of the same date (each within the limits)
            assertThat(api.post("/api/v1/check-ins", checkIn(TODAY, List.of(Math.min(m, 300)))).status()).isEqualTo(201);
            if (m > 300) {
                assertThat(api.post("/api/v1/check-ins", checkIn(TODAY, List.of(m - 300))).status()).isEqualTo(201);
            }
        }
        long walksBefore = walks();
        String body = walks.isEmpty() ? "{\"date\":\"" + TODAY + "\",\"overallPain\":4}" : checkIn(TODAY, walks);
        Api.Reply reply = api.post("/api/v1/check-ins", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (field != null) {
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.errorFields()).containsExactly(field);
            assertThat(walks()).as("nothing stored").isEqualTo(walksBefore);
        } else {
            assertThat(walks()).isEqualTo(walksBefore + walks.size());
        }
        // another date is not affected by this date's minutes
        assertThat(api.post("/api/v1/check-ins", checkIn(TODAY.minusDays(1), List.of(300, 300))).status()).isEqualTo(201);
    }

    @Test
    void a_huge_invalid_body_gets_at_most_fifty_errors() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bad.add("{\"minutes\":0,\"surface\":\"MOON\",\"painBefore\":11,\"painAfter\":-1}"); // 5 problems each
        }
        Api.Reply reply = Api.as(port, patientUser).post("/api/v1/check-ins",
                "{\"date\":\"" + TODAY + "\",\"walks\":[" + String.join(",", bad) + "]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).hasSize(50).startsWith("walks[0].minutes");
        // 3,000 walks of 300 minutes (the example): one problem, on walks
        Api.Reply many = Api.as(port, patientUser).post("/api/v1/check-ins", checkIn(TODAY, repeat(3000, 300)));
        assertThat(many.status()).isEqualTo(413); // 3,000 walks are more than 64 KB of JSON
        Api.Reply fewer = Api.as(port, patientUser).post("/api/v1/check-ins", checkIn(TODAY, repeat(500, 300)));
        assertThat(fewer.status()).isEqualTo(400);
        assertThat(fewer.errorFields()).containsExactly("walks");
    }

    @Test
    void json_bodies_over_64_kb_and_csp_reports_over_8_kb_are_refused_with_413_while_reading() {
        long before = data.count("check_in");
        Api api = Api.as(port, patientUser);
        String atLimit = padded("{\"date\":\"" + TODAY + "\",\"overallPain\":4,\"notes\":\"x\"}", 64 * 1024);
        String overLimit = atLimit + " ";
        assertThat(api.post("/api/v1/check-ins", atLimit).status()).isEqualTo(201);
        Api.Reply over = api.post("/api/v1/check-ins", overLimit);
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.header("Content-Type")).startsWith("application/problem+json");
        assertThat(over.json().get("status").asInt()).isEqualTo(413);
        // without a Content-Length (chunked): the body is read only up to the limit
        Api.Reply chunked = api.post("/api/v1/check-ins", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(overLimit.getBytes())), "application/json");
        assertThat(chunked.status()).isEqualTo(413);
        Api.Reply chunkedOk = api.post("/api/v1/check-ins", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(atLimit.getBytes())), "application/json");
        assertThat(chunkedOk.status()).isEqualTo(201);
        assertThat(data.count("check_in")).isEqualTo(before + 2);

        // the unauthenticated activation endpoint: 1 MB refused, unread
        String huge = padded("{\"code\":\"x\",\"username\":\"y\",\"password\":\"z\"}", 1024 * 1024);
        Api.Reply activation = Api.anonymous(port).post("/api/v1/activation", huge);
        assertThat(activation.status()).isEqualTo(413);
        assertThat(Api.anonymous(port).post("/api/v1/activation", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(huge.getBytes())), "application/json").status()).isEqualTo(413);

        String report = "{\"csp-report\":{\"document-uri\":\"http://127.0.0.1/\",\"violated-directive\":\"img-src\"}}";
        assertThat(Api.anonymous(port).post("/csp-report", HttpRequest.BodyPublishers.ofString(padded(report, 8 * 1024)),
                "application/csp-report").status()).isEqualTo(204);
        Api.Reply bigReport = Api.anonymous(port).post("/csp-report",
                HttpRequest.BodyPublishers.ofString(padded(report, 8 * 1024 + 1)), "application/csp-report");
        assertThat(bigReport.status()).isEqualTo(413);
    }

    @Test
    void the_same_idempotency_key_with_a_different_body_is_refused_with_422_and_stores_nothing() {
        Api api = Api.as(port, patientUser);
        String first = checkIn(TODAY, List.of(20));
        Api.Reply stored = api.post("/api/v1/check-ins", first, "key-reuse-1");
        assertThat(stored.status()).isEqualTo(201);
        long before = data.count("check_in");
        // the same content written differently is the same request
        Api.Reply again = api.post("/api/v1/check-ins", first.replace(",", " , "), "key-reuse-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(stored.json().get("id").asLong());
        Api.Reply other = api.post("/api/v1/check-ins", checkIn(TODAY, List.of(25)), "key-reuse-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(data.count("check_in")).isEqualTo(before);
    }

    /** {@code json} with spaces inserted before its last brace, to exactly {@code bytes} bytes. */
    static String padded(String json, int bytes) {
        return json.substring(0, json.length() - 1) + " ".repeat(bytes - json.length()) + "}";
    }

    static List<Integer> repeat(int n, int minutes) {
        return java.util.Collections.nCopies(n, minutes);
    }

    private long walks() {
        return jdbc.sql("select count(*) from walk w join patient p on p.id = w.patient_id where p.user_id = ?")
                .param(patientUser.id()).query(Long.class).single();
    }
}
