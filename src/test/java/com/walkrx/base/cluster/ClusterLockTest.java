package com.walkrx.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.walkrx.support.SharedTestDatabase;
import com.walkrx.support.WalkRxTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A job runs on one instance at a time: while another instance holds the job's lock, this one skips the round. */
@WalkRxTest
class ClusterLockTest {

    @Autowired ClusterLock lock;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void a_job_is_skipped_while_another_instance_runs_it_and_runs_once_the_lock_is_free() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Connection other = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
             Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + ClusterLock.NAMESPACE + ", " + ClusterLock.key("test-job") + ")");

            assertThat(lock.runExclusively("test-job", runs::incrementAndGet)).isFalse();
            assertThat(lock.callExclusively("test-job", () -> "ran")).isEmpty();
            assertThat(lock.runExclusively("another-job", runs::incrementAndGet)).as("other jobs are free").isTrue();
            assertThat(runs).hasValue(1);

            st.execute("select pg_advisory_unlock(" + ClusterLock.NAMESPACE + ", " + ClusterLock.key("test-job") + ")");
        }
        assertThat(lock.callExclusively("test-job", () -> "ran")).contains("ran");
    }

    @Test
    void the_lock_is_held_for_the_whole_round_and_released_when_it_ends() {
        boolean[] heldInside = new boolean[1];
        lock.runExclusively("round-job", () -> heldInside[0] = !otherInstanceCanTake("round-job"));
        assertThat(heldInside[0]).as("another instance cannot take it during the round").isTrue();
        assertThat(otherInstanceCanTake("round-job")).as("free after the round").isTrue();
    }

    @Test
    void what_a_round_writes_is_committed_as_it_goes_and_the_lock_has_a_connection_of_its_own() {
        String key = "cluster-lock-test-" + System.nanoTime();
        String[] seen = new String[2];
        try {
            lock.runExclusively("writing-job", () -> {
                jdbc.sql("insert into app_setting (key, value) values (:k, 'written')").param("k", key).update();
                seen[0] = fromAnotherSession("select value from app_setting where key = '" + key + "'");
                seen[1] = fromAnotherSession("""
                        select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                        where l.locktype = 'advisory' and l.classid = %d and l.objid = %d and l.granted"""
                        .formatted(ClusterLock.NAMESPACE, ClusterLock.key("writing-job")));
            });
        } finally {
            jdbc.sql("delete from app_setting where key = :k").param("k", key).update();
        }
        assertThat(seen[0]).as("another session sees the round's write before the round ends").isEqualTo("written");
        assertThat(seen[1]).as("the lock's holder").isEqualTo(ClusterLock.APPLICATION_NAME + " writing-job");
    }

    @Test
    void a_round_that_fails_releases_the_lock() {
        assertThatThrownBy(() -> lock.runExclusively("failing-job", () -> {
            throw new IllegalStateException("the job failed");
        })).hasMessage("the job failed");
        assertThat(otherInstanceCanTake("failing-job")).isTrue();
        assertThat(lock.callExclusively("failing-job", () -> "ran again")).contains("ran again");
    }

    @Test
    void a_round_keeps_no_pooled_connection_so_its_work_can_use_every_one() throws Exception {
        int poolSize = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        int[] used = new int[1];
        lock.runExclusively("pool-job", () -> {
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < poolSize; i++) {
                    Connection c = dataSource.getConnection();
                    all.add(c);
                    try (Statement st = c.createStatement()) {
                        st.execute("select 1");
                    }
                    used[0]++;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                all.forEach(ClusterLockTest::close);
            }
        });
        assertThat(used[0]).as("pooled connections the round's work held at once").isEqualTo(poolSize);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fromAnotherSession(String sql) {
        try (Connection other = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
             Statement st = other.createStatement();
             var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean otherInstanceCanTake(String job) {
        try (Connection other = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
             Statement st = other.createStatement();
             var rs = st.executeQuery("select pg_try_advisory_lock(" + ClusterLock.NAMESPACE + ", "
                     + ClusterLock.key(job) + ")")) {
            rs.next();
            return rs.getBoolean(1); // the connection closes: the lock ends with its session
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
