package com.walkrx.plan;

import com.walkrx.base.cluster.ClusterLock;
import com.walkrx.checkin.CheckInRecorded;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When progression is re-evaluated: within minutes of a check-in that can change the outcome (the check-in's
 * transaction marks the patient as due, {@link ProgressionPending}; a job here claims due patients every 30
 * seconds), and once a day for every active plan. Both are safe with several instances: due patients are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, and the daily run runs under the {@link ClusterLock} of
 * {@value #DAILY_JOB} and records the day it ran, so one instance does the day's run once.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgressionSchedule {

    /** The {@link ClusterLock} job name of the daily run. */
    static final String DAILY_JOB = "plan-progression-daily";
    static final String LAST_RUN_KEY = "plan-progression-last-run";
    private static final Logger log = LoggerFactory.getLogger(ProgressionSchedule.class);

    static final int PENDING_BATCH = 100;

    private final ProgressionRunner runner;
    private final ProgressionPending pending;
    private final PlanRepository plans;
    private final JdbcClient jdbc;
    private final ClusterLock cluster;
    private final Clock clock;

    /** In the check-in's transaction: the patient is due for an evaluation (if a check-in can change it). */
    @EventListener
    void on(CheckInRecorded event) {
        pending.enqueue(event.patientId(), LocalDate.now(clock), clock.instant());
    }

    @Scheduled(cron = "${walkrx.progression.pending-cron:*/30 * * * * *}")
    void pendingJob() {
        runPending(clock.instant());
    }

    /**
     * Evaluates the plans of the patients due by {@code dueBy}, each in its own transaction, in rounds of
     * {@value #PENDING_BATCH}; returns how many were evaluated. The job calls it with the clock's now.
     */
    int runPending(Instant dueBy) {
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        List<Long> claimed;
        do {
            claimed = pending.claim(dueBy, PENDING_BATCH);
            for (long patientId : claimed) {
                try {
                    runner.evaluatePatient(patientId, today);
                    n++;
                } catch (RuntimeException e) {
                    pending.retry(patientId, clock.instant());
                    log.warn("Progression of patient {} failed; it is due again shortly", patientId, e);
                }
            }
        } while (claimed.size() == PENDING_BATCH);
        return n;
    }

    /** Every hour; the first run of a day does the work (so a restart or a missed hour is caught up). */
    @Scheduled(cron = "${walkrx.progression.cron:0 5 * * * *}")
    void hourly() {
        runDaily();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        runDaily();
    }

    /** Evaluates every active plan once today, unless another instance holds the lock or already did. */
    boolean runDaily() {
        LocalDate today = LocalDate.now(clock);
        return cluster.callExclusively(DAILY_JOB, () -> {
            String last = jdbc.sql("select value from app_setting where key = :k").param("k", LAST_RUN_KEY)
                    .query(String.class).optional().orElse(null);
            if (today.toString().equals(last)) {
                return false;
            }
            int n = evaluateAll(today);
            jdbc.sql("""
                            insert into app_setting (key, value) values (:k, :v)
                            on conflict (key) do update set value = excluded.value""")
                    .param("k", LAST_RUN_KEY).param("v", today.toString()).update();
            log.info("Progression evaluated for {} active plans on {}", n, today);
            return true;
        }).orElse(false);
    }

    /** Evaluates every active plan, each in its own transaction. */
    int evaluateAll(LocalDate today) {
        int n = 0;
        for (Long id : plans.findActiveIds()) {
            try {
                runner.evaluatePlan(id, today);
                n++;
            } catch (RuntimeException e) {
                log.warn("Progression of plan {} failed; the next run tries again", id, e);
            }
        }
        return n;
    }
}
