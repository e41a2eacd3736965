package com.walkrx.base.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a background job on one app instance at a time, under a PostgreSQL session advisory lock named after the
 * job ({@code pg_try_advisory_lock}); an instance that finds the lock taken skips the round instead of waiting.
 * <p>
 * The lock is held by a connection of the round's own, outside the pool ({@link OwnConnections}), and the work
 * runs without an enclosing transaction: its statements and its pieces ({@code @Transactional} services, one
 * patient or one plan each) commit as they go and take a pooled connection only while they run. So a long round
 * neither keeps a pooled connection from the requests nor needs a second one for its pieces (it completes with a
 * pool of one), and what it has done is visible, and kept, as it goes. The lock ends with the round (unlock, then
 * close) or with the connection (a crashed instance), so it is never left held. Jobs must be idempotent: a round
 * that starts just after another instance's round ended runs again on the same data, and a round cut off by a
 * crash leaves its finished pieces committed.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClusterLock {

    /** First key of every job lock ("WRKJ"); the second is the job name's hash. Other advisory locks use other namespaces. */
    public static final int NAMESPACE = 0x57524b4a;
    /** {@code application_name} prefix of a round's lock connection (find it in {@code pg_stat_activity}). */
    public static final String APPLICATION_NAME = "walkrx-job";
    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final JdbcClient jdbc;
    private final OwnConnections connections;

    /** Runs the work under the job's lock; false when another instance holds it (the work did not run). */
    public boolean runExclusively(String job, Runnable work) {
        return callExclusively(job, () -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Runs the work under the job's lock and returns its (non-null) result; empty when another instance holds it. */
    public <T> Optional<T> callExclusively(String job, Supplier<T> work) {
        try (Connection lock = connections.open(applicationName(job))) {
            if (!lockCall(lock, "pg_try_advisory_lock", job)) {
                log.debug("Job {} skipped: another instance is running it", job);
                return Optional.empty();
            }
            log.debug("Job {} started", job);
            try {
                return Optional.of(work.get());
            } finally {
                unlock(lock, job);
                log.debug("Job {} done", job);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the lock of job " + job, e);
        }
    }

    /** The second key of a job's lock: {@code pg_advisory_lock(NAMESPACE, key(job))} takes it by hand. */
    public static int key(String job) {
        return job.hashCode(); // specified by String, the same in every JVM
    }

    /**
     * Takes the job's lock for the current transaction, if free: for a job that is one transaction from start to
     * end (the lock ends with it). The same lock as {@link #callExclusively}'s.
     */
    public boolean tryLock(String job) {
        boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:ns, :key)")
                .param("ns", NAMESPACE).param("key", key(job)).query(Boolean.class).single());
        log.debug(mine ? "Job {} started" : "Job {} skipped: another instance is running it", job);
        return mine;
    }

    private static void unlock(Connection lock, String job) {
        try {
            lockCall(lock, "pg_advisory_unlock", job);
        } catch (SQLException e) {
            // Closing the connection ends the session, and the lock with it.
            log.warn("Could not unlock job {}; closing its connection releases it", job, e);
        }
    }

    private static boolean lockCall(Connection lock, String function, String job) throws SQLException {
        try (PreparedStatement st = lock.prepareStatement("select " + function + "(?, ?)")) {
            st.setInt(1, NAMESPACE);
            st.setInt(2, key(job));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String applicationName(String job) {
        String name = APPLICATION_NAME + " " + job;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
