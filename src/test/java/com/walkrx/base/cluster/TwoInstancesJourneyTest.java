package com.walkrx.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.Browser;
import com.walkrx.base.db.EmbeddedCredentials;
import com.walkrx.support.SharedTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Two real app processes on one PostgreSQL: instance A with the README's embedded server (and its demo clinic),
 * instance B with DB_URL pointing at it. A clinician's Chromium is on A; a patient's URGENT check-in goes to B's
 * API; the alert and the badge appear on A without a reload. Then both instances' listening connections are
 * killed on the server, they reconnect, and the next alert still arrives. Both instances run the flag schedule
 * every second; each flag it raises exists once.
 */
class TwoInstancesJourneyTest {

    private static final String PASSWORD = "walkrx-demo-2026";
    /** Generous: on a loaded 2-core machine one start took almost 6 minutes. */
    private static final Duration START = Duration.ofMinutes(10);
    private static final Duration PUSH = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void an_urgent_check_in_on_one_instance_reaches_a_clinician_on_the_other_also_after_a_lost_connection()
            throws Exception {
        int dbPort = SharedTestDatabase.freePort();
        String dbUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
        List<String> both = List.of("--walkrx.flags.schedule-cron=* * * * * *",
                "--logging.level.com.walkrx.base.cluster=DEBUG", "--vaadin.launch-browser=false");
        Path logs = Path.of("target", "two-instances");
        List<String> argsA = new ArrayList<>(both);
        argsA.addAll(List.of("--spring.datasource.url=", "--spring.datasource.username=",
                "--spring.datasource.password=", "--walkrx.demo=true",
                "--walkrx.embedded-db.dir=" + dir.resolve("postgres"), "--walkrx.embedded-db.port=" + dbPort));
        Path dataDir = dir.resolve("postgres");
        List<String> argsB = new ArrayList<>(both);

        // B starts as soon as A's embedded server has its roles, so the two start-ups overlap. B connects as the
        // app's own login of A's server and migrates (if it comes first) as its schema owner, like any instance.
        try (AppInstance a = AppInstance.start("A", SharedTestDatabase.freePort(), logs, argsA);
             Connection db = awaitDatabase(a, dbUrl, dataDir);
             AppInstance b = AppInstance.start("B", SharedTestDatabase.freePort(), logs,
                     withCredentials(argsB, dbUrl, EmbeddedCredentials.read(dataDir).orElseThrow()))) {
            a.awaitReady(START);
            b.awaitReady(START);
            journey(a, b, db);
        }
    }

    private void journey(AppInstance a, AppInstance b, Connection db) throws Exception {
        try (Browser browser = new Browser(a.port(), 1280, 800)) {
            long clinician = single(db, "select id from app_user where username = 'demo-clinician-1'");
            List<String> patients = strings(db, """
                    select u.username from patient p join app_user u on u.id = p.user_id
                    where exists (select 1 from care_team_member m where m.patient_id = p.id and m.clinician_id = ?)
                      and not exists (select 1 from flag f where f.patient_id = p.id
                                      and f.code = 'CAUDA_EQUINA_SIGNS' and f.status <> 'RESOLVED')
                    order by p.id limit 2""", clinician);
            assertThat(patients).hasSize(2);

            browser.login("demo-clinician-1", PASSWORD);
            browser.until(d -> browser.path().startsWith("/caseload"));
            ((JavascriptExecutor) browser.driver()).executeScript("window.__walkrxSamePage = true;");
            awaitBadge(browser, db, clinician);
            long before = openFlags(db, clinician);

            checkInWithBladderProblems(b, patients.get(0));
            browser.until(d -> browser.bodyText().contains("New URGENT flag: Cauda equina signs - "
                    + name(db, patients.get(0))));
            assertThat(openFlags(db, clinician)).isGreaterThan(before);
            awaitBadge(browser, db, clinician);
            assertThat(samePage(browser)).as("A's caseload was not reloaded").isTrue();
            browser.screenshot("two-instances-alert-on-a");

            // Kill both listening connections on the server; each instance reconnects and listens again.
            Map<String, Integer> listeners = listeners(db);
            assertThat(listeners).containsOnlyKeys(ClusterNotifications.applicationName("A"),
                    ClusterNotifications.applicationName("B"));
            for (int pid : listeners.values()) {
                single(db, "select count(*) from (select pg_terminate_backend(?)) t", pid);
            }
            await(() -> {
                Map<String, Integer> now = listeners(db);
                return now.size() == 2 && now.values().stream().noneMatch(listeners::containsValue);
            });
            assertThat(a.log()).contains("Listening connection lost");
            assertThat(b.log()).contains("Listening connection lost");

            checkInWithBladderProblems(b, patients.get(1));
            browser.until(d -> browser.bodyText().contains("New URGENT flag: Cauda equina signs - "
                    + name(db, patients.get(1))));
            awaitBadge(browser, db, clinician);
            assertThat(samePage(browser)).as("A's caseload was not reloaded").isTrue();

            // The schedule, running every second on both instances, raises each flag once.
            List<Long> recentSurgery = longs(db, """
                    select p.id from patient p join plan l on l.patient_id = p.id and l.status = 'ACTIVE'
                    where not exists (select 1 from care_team_member m where m.patient_id = p.id and m.clinician_id = ?)
                      and not exists (select 1 from flag f where f.patient_id = p.id
                                      and f.code = 'SURGERY_CLEARANCE_MISSING')
                    order by p.id limit 2""", clinician);
            assertThat(recentSurgery).hasSize(2);
            for (long p : recentSurgery) {
                single(db, "with u as (update patient set surgery_date = current_date - 7, "
                        + "surgeon_clearance_date = null where id = ? returning 1) select count(*) from u", p);
            }
            await(() -> recentSurgery.stream().allMatch(p -> surgeryFlags(db, p) >= 1));
            int roundsA = rounds(a);
            int roundsB = rounds(b);
            await(() -> rounds(a) >= roundsA + 3 && rounds(b) >= roundsB + 3); // more rounds on both, after the flags
            for (long p : recentSurgery) {
                assertThat(surgeryFlags(db, p)).as("SURGERY_CLEARANCE_MISSING flags of patient " + p).isEqualTo(1);
            }
        }
    }

    private static List<String> withCredentials(List<String> args, String dbUrl, EmbeddedCredentials credentials) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + EmbeddedCredentials.APP,
                "--spring.datasource.password=" + credentials.appPassword(),
                "--walkrx.db.owner-username=" + EmbeddedCredentials.OWNER,
                "--walkrx.db.owner-password=" + credentials.ownerPassword(),
                "--walkrx.demo=true"));
        return all;
    }

    /**
     * A's embedded PostgreSQL, once its roles are set up (a few seconds into A's start): a superuser connection
     * with the generated password from A's data directory.
     */
    private static Connection awaitDatabase(AppInstance a, String dbUrl, Path dataDir) {
        Connection[] c = new Connection[1];
        Awaitility.await("A's embedded PostgreSQL").atMost(START).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(SQLException.class).until(() -> {
                    if (!a.alive()) {
                        throw new AssertionError("A exited:\n" + a.tail());
                    }
                    EmbeddedCredentials credentials = EmbeddedCredentials.read(dataDir).orElse(null);
                    if (credentials == null) {
                        return false;
                    }
                    DriverManager.getConnection(dbUrl, EmbeddedCredentials.APP, credentials.appPassword()).close();
                    c[0] = DriverManager.getConnection(dbUrl, EmbeddedCredentials.SUPERUSER,
                            credentials.superuserPassword());
                    return true;
                });
        return c[0];
    }

    private static void checkInWithBladderProblems(AppInstance instance, String username) throws Exception {
        String body = """
                {"date": "%s", "overallPain": 5,
                 "symptoms": {"numbnessTingling": "NONE", "legWeakness": "NONE", "bothLegs": false,
                              "saddleNumbness": false, "bladderBowelProblems": true, "fever": false,
                              "unexplainedWeightLoss": false, "newInjuryOrFall": false}}"""
                .formatted(LocalDate.now(ZoneId.of("Europe/London")));
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + instance.port() + "/api/v1/check-ins"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(reply.body()).contains("CAUDA_EQUINA_SIGNS");
    }

    /** The "Open flags" badge on A shows what the database holds for the clinician. */
    private static void awaitBadge(Browser browser, Connection db, long clinician) {
        browser.until(d -> {
            List<WebElement> badge = d.findElements(By.cssSelector(".flag-count-badge"));
            return !badge.isEmpty() && badge.getFirst().getText().equals(String.valueOf(openFlags(db, clinician)));
        });
    }

    private static boolean samePage(Browser browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("return window.__walkrxSamePage === true;"));
    }

    private static long openFlags(Connection db, long clinician) {
        return single(db, """
                select count(*) from flag f where f.status = 'OPEN' and exists (select 1 from care_team_member m
                where m.patient_id = f.patient_id and m.clinician_id = ?)""", clinician);
    }

    private static long surgeryFlags(Connection db, long patient) {
        return single(db, "select count(*) from flag where patient_id = ? and code = 'SURGERY_CLEARANCE_MISSING'",
                patient);
    }

    private static String name(Connection db, String username) {
        return strings(db, "select p.given_name || ' ' || p.family_name from patient p join app_user u "
                + "on u.id = p.user_id where u.username = ?", username).getFirst();
    }

    /** application_name -> backend pid of each instance's LISTEN connection. */
    private static Map<String, Integer> listeners(Connection db) {
        Map<String, Integer> found = new HashMap<>();
        query(db, "select application_name, pid from pg_stat_activity where application_name like ? "
                + "and query like 'LISTEN %'", rs -> found.put(rs.getString(1), rs.getInt(2)),
                ClusterNotifications.APPLICATION_NAME + " %");
        return found;
    }

    /** Rounds of the flag schedule an instance started or skipped (ClusterLock's debug lines). */
    private static int rounds(AppInstance instance) {
        String log = instance.log();
        int n = 0;
        for (String line : log.split("\n")) {
            if (line.contains("Job flag-schedule started") || line.contains("Job flag-schedule skipped")) {
                n++;
            }
        }
        return n;
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(PUSH.multipliedBy(4)).pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection db, String sql, Row row, Object... params) {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(Connection db, String sql, Object... params) {
        List<Long> v = longs(db, sql, params);
        assertThat(v).hasSize(1);
        return v.getFirst();
    }

    private static List<Long> longs(Connection db, String sql, Object... params) {
        List<Long> v = new ArrayList<>();
        query(db, sql, rs -> v.add(rs.getLong(1)), params);
        return v;
    }

    private static List<String> strings(Connection db, String sql, Object... params) {
        List<String> v = new ArrayList<>();
        query(db, sql, rs -> v.add(rs.getString(1)), params);
        return v;
    }
}
