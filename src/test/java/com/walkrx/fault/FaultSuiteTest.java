package com.walkrx.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12's fault suite, with real processes on 127.0.0.1: the app JVM on DB_URL against a durable PostgreSQL the
 * test owns. Writers submit check-ins throughout; PostgreSQL is stopped (pg_ctl -m fast, then -m immediate) and
 * started again under that load; the app JVM is killed with -9 and started again on the same data directory. Every
 * check-in that got a 201 must be stored exactly once with its flags, nothing half-stored, and one Idempotency-Key
 * sent by 20 requests at once stores one check-in, also when sent again after the kill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    static final Pattern FLAG_ID = Pattern.compile("\\{\"id\":(\\d+),\"code\"");

    FaultRig rig;
    /** Idempotency-Key -> the reply of every acknowledged (201) check-in. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Keys sent without an answer (the app killed mid-request): sent again after the restart. */
    final Map<String, String[]> unanswered = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    String sharedKey;
    long sharedId;

    @BeforeAll
    void start() throws Exception {
        rig = FaultRig.shared();
    }

    @Test
    @Order(1)
    void ready_means_a_demo_login_works() {
        FaultRig.Reply me = rig.get("/api/v1/me", "demo-patient-1");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(rig.get("/actuator/health", null).body()).contains("UP");
    }

    @Test
    @Order(2)
    void postgres_stopped_and_started_under_load_answers_503_then_recovers_without_losing_a_check_in() throws Exception {
        try (Writers writers = new Writers(3, false)) {
            for (String mode : List.of("fast", "immediate")) {
                writers.awaitMoreAcknowledged(5);
                List<String> opts = rig.serverOptions();
                rig.stopPostgres(mode);
                // While the database is down: the API answers 503 problem+json within the bound, health is DOWN.
                FaultRig.Reply during = rig.get("/api/v1/me/today", "demo-patient-4");
                assertThat(during.status()).as("with PostgreSQL stopped (%s): %s", mode, during.body()).isEqualTo(503);
                assertThat(during.body()).contains("\"status\":503").contains("nothing was saved");
                FaultRig.Reply health = rig.get("/actuator/health", null);
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
                writers.awaitStatus(503);
                rig.startPostgres(opts);
                // The same app instance recovers by itself within 10 s.
                Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
                FaultRig.Reply after;
                do {
                    after = rig.get("/api/v1/me/today", "demo-patient-4");
                } while (after.status() != 200 && Instant.now().isBefore(deadline));
                assertThat(after.status()).as("10 s after PostgreSQL came back (%s): %s", mode, after.body())
                        .isEqualTo(200);
                assertThat(rig.get("/actuator/health", null).status()).isEqualTo(200);
            }
            writers.awaitMoreAcknowledged(3);
        }
        assertThat(unexpected).as("answers other than 201, 400 or 503, or none at all").isEmpty();
        assertThat(unanswered).as("with the app running, every request got an answer").isEmpty();
        assertEveryAcknowledgedCheckInStoredOnce();
    }

    @Test
    @Order(3)
    void twenty_concurrent_requests_with_one_idempotency_key_store_one_check_in() throws Exception {
        sharedKey = "shared-" + UUID.randomUUID();
        String body = body(5, false);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FaultRig.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return rig.post("/api/v1/check-ins", "demo-patient-5", body, sharedKey);
            }));
        }
        go.countDown();
        Set<Long> ids = new HashSet<>();
        for (Future<FaultRig.Reply> r : replies) {
            FaultRig.Reply reply = r.get(2, TimeUnit.MINUTES);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            ids.add(id(reply.body()));
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        sharedId = ids.iterator().next();
        assertThat(storedWithKey(sharedKey)).containsExactly(sharedId);
    }

    @Test
    @Order(4)
    void kill_9_of_the_app_while_writers_submit_loses_no_acknowledged_check_in() throws Exception {
        try (Writers writers = new Writers(3, true)) {
            writers.awaitMoreAcknowledged(10);
            rig.killApp();
        }
        rig.startApp();
        // Requests the kill cut off: sent again with their keys, each is stored at most once.
        for (Map.Entry<String, String[]> e : unanswered.entrySet()) {
            FaultRig.Reply again = rig.post("/api/v1/check-ins", e.getValue()[0], e.getValue()[1], e.getKey());
            assertThat(again.status()).as(again.body()).isIn(201, 400);
            if (again.status() == 201) {
                acknowledged.put(e.getKey(), again.body());
            }
        }
        FaultRig.Reply shared = rig.post("/api/v1/check-ins", "demo-patient-5", body(5, false), sharedKey);
        assertThat(shared.status()).isEqualTo(201);
        assertThat(id(shared.body())).isEqualTo(sharedId);
        assertThat(storedWithKey(sharedKey)).containsExactly(sharedId);
        assertThat(unexpected).as("answers other than 201, 400 or 503").isEmpty();
        assertEveryAcknowledgedCheckInStoredOnce();
    }

    /** Every 201'd check-in is stored once under its key, with the reply's id and every flag it reported. */
    private void assertEveryAcknowledgedCheckInStoredOnce() throws Exception {
        assertThat(acknowledged).isNotEmpty();
        try (Connection c = rig.db()) {
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                assertThat(storedWithKey(e.getKey())).as("check-in %s", e.getKey()).containsExactly(id(e.getValue()));
                Matcher flags = FLAG_ID.matcher(e.getValue());
                while (flags.find()) {
                    try (PreparedStatement ps = c.prepareStatement("select count(*) from flag where id = ?")) {
                        ps.setLong(1, Long.parseLong(flags.group(1)));
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            assertThat(rs.getLong(1)).as("flag %s of %s", flags.group(1), e.getKey()).isEqualTo(1);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from check_in where idempotency_key is not null and reply is null");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("check-ins stored without their reply (half-stored)").isZero();
            }
        }
    }

    private List<Long> storedWithKey(String key) throws Exception {
        try (Connection c = rig.db();
             PreparedStatement ps = c.prepareStatement("select id from check_in where idempotency_key = ?")) {
            ps.setString(1, key);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    static long id(String reply) {
        Matcher m = ID.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A check-in without walks (the day's minutes never run out); every fourth one reports a fever (a flag). */
    static String body(int n, boolean fever) {
        return "{\"date\":\"" + LocalDate.now(CLINIC_ZONE) + "\",\"overallPain\":" + (n % 11) + ",\"symptoms\":{"
                + "\"numbnessTingling\":\"NONE\",\"legWeakness\":\"NONE\",\"bothLegs\":false,\"saddleNumbness\":false,"
                + "\"bladderBowelProblems\":false,\"fever\":" + fever + ",\"unexplainedWeightLoss\":false,"
                + "\"newInjuryOrFall\":false}}";
    }

    /** Patients submitting check-ins with unique keys until closed, each outcome recorded. */
    final class Writers implements AutoCloseable {

        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService pool;
        private final List<Future<?>> running = new ArrayList<>();
        private final boolean appMayDie;

        Writers(int n, boolean appMayDie) {
            this.appMayDie = appMayDie;
            pool = Executors.newFixedThreadPool(n);
            for (int w = 0; w < n; w++) {
                String patient = "demo-patient-" + (w + 1);
                running.add(pool.submit(() -> write(patient)));
            }
        }

        private void write(String patient) {
            for (int n = 0; !stop.get(); n++) {
                String key = UUID.randomUUID().toString();
                String body = body(n, n % 4 == 0);
                FaultRig.Reply r = rig.post("/api/v1/check-ins", patient, body, key);
                statuses.add(r.status());
                switch (r.status()) {
                    case 201 -> acknowledged.put(key, r.body());
                    case 400, 503 -> { } // refused, nothing stored (400: e.g. a date at the clinic's midnight)
                    case 0 -> {
                        unanswered.put(key, new String[] {patient, body});
                        if (appMayDie) {
                            return;
                        }
                    }
                    default -> unexpected.add(r.status() + " " + r.body());
                }
            }
        }

        void awaitMoreAcknowledged(int more) {
            int target = acknowledged.size() + more;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (acknowledged.size() < target && Instant.now().isBefore(deadline)) {
                try {
                    running.getFirst().get(50, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // still writing
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            assertThat(acknowledged.size()).as("acknowledged check-ins").isGreaterThanOrEqualTo(target);
        }

        void awaitStatus(int status) {
            int seen = (int) statuses.stream().filter(s -> s == status).count();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (statuses.stream().filter(s -> s == status).count() < seen + 3 && Instant.now().isBefore(deadline)) {
                try {
                    running.getFirst().get(50, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // still writing
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            assertThat(statuses.stream().filter(s -> s == status).count()).as("writers answered %s", status)
                    .isGreaterThanOrEqualTo(seen + 3);
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            for (Future<?> f : running) {
                f.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
    }
}
