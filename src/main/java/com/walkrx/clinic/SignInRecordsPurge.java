package com.walkrx.clinic;

import com.walkrx.base.cluster.ClusterLock;
import com.walkrx.base.cluster.JobRounds;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes old sign-in records of every username, known or not: the throttle's attempts after {@link #ATTEMPTS},
 * the addresses an account logged in from after {@link LoginSecurity#KNOWN_ADDRESS}, the counted failures after
 * {@link #FAILURES}. Hourly by default; with several instances one of them purges (a {@link ClusterLock}), and a
 * round that runs twice deletes nothing more.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SignInRecordsPurge {

    static final String JOB = "sign-in-records-purge";
    /** The throttle looks back a day at most ({@link LoginSecurity#PAIR_RUN}). */
    static final Duration ATTEMPTS = Duration.ofDays(2);
    /** How long the clinic admin's page and the operator's view go back. */
    static final Duration FAILURES = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(SignInRecordsPurge.class);

    private final JdbcClient jdbc;
    private final ClusterLock cluster;
    private final Clock clock;

    @Scheduled(cron = "${walkrx.sign-in.purge-cron:0 23 * * * *}")
    void run() {
        JobRounds.run(log, () -> purge().orElse(0), "Purged {} old sign-in records",
                "Purging old sign-in records failed; the next round retries");
    }

    /** Deletes what is older than its period; how many rows, or empty when another instance is purging. */
    Optional<Integer> purge() {
        Instant now = clock.instant();
        return cluster.callExclusively(JOB, () ->
                delete("delete from login_attempt where at < :before", now.minus(ATTEMPTS))
                        + delete("delete from login_address where last_success_at < :before",
                        now.minus(LoginSecurity.KNOWN_ADDRESS))
                        + delete("delete from sign_in_failure where last_at < :before", now.minus(FAILURES)));
    }

    private int delete(String sql, Instant before) {
        return jdbc.sql(sql).param("before", Timestamp.from(before)).update();
    }
}
