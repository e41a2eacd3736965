package com.walkrx.base.cluster;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a background job on one app instance at a time: the work runs in a transaction that holds a
 * PostgreSQL advisory lock named after the job ({@code pg_try_advisory_xact_lock}); an instance that finds the
 * lock taken skips the round instead of waiting. The lock ends with the transaction (commit, rollback or a
 * dead connection), so a crashed instance never leaves it held. Jobs should still be idempotent: a round that
 * starts just after another instance's round committed runs again on the same data.
 * <p>
 * Work that should commit piece by piece (one patient, one plan) uses {@code REQUIRES_NEW} for its pieces; the
 * lock stays held by the outer transaction until the whole round ends.
 */
@Component
public class ClusterLock {

    /** First key of every job lock ("WRKJ"); the second is the job name's hash. Other advisory locks use other namespaces. */
    public static final int NAMESPACE = 0x57524b4a;
    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ClusterLock(JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Runs the work under the job's lock; false when another instance holds it (the work did not run). */
    public boolean runExclusively(String job, Runnable work) {
        return callExclusively(job, () -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Runs the work under the job's lock and returns its (non-null) result; empty when another instance holds it. */
    public <T> Optional<T> callExclusively(String job, Supplier<T> work) {
        return tx.execute(status -> {
            if (!tryLock(job)) {
                log.debug("Job {} skipped: another instance is running it", job);
                return Optional.<T>empty();
            }
            log.debug("Job {} started", job);
            T result = work.get();
            log.debug("Job {} done", job);
            return Optional.of(result);
        });
    }

    /** The second key of a job's lock: {@code pg_advisory_lock(NAMESPACE, key(job))} takes it by hand. */
    public static int key(String job) {
        return job.hashCode(); // specified by String, the same in every JVM
    }

    /** Takes the job's lock for the current transaction, if free (for jobs that manage their own transaction). */
    public boolean tryLock(String job) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:ns, :key)")
                .param("ns", NAMESPACE).param("key", key(job)).query(Boolean.class).single());
    }
}
