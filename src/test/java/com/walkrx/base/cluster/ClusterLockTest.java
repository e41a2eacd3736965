package com.walkrx.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.walkrx.support.SharedTestDatabase;
import com.walkrx.support.WalkRxTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A job runs on one instance at a time: while another instance holds the job's lock, this one skips the round. */
@WalkRxTest
class ClusterLockTest {

    @Autowired ClusterLock lock;

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
