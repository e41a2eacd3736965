package com.walkrx.plan;

import com.walkrx.base.cluster.ClusterLock;
import com.walkrx.checkin.CheckInRecorded;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When progression is re-evaluated: after every check-in (once it is committed), and once a day for every
 * active plan. The daily run is safe with several instances: it runs under the {@link ClusterLock} of
 * {@value #DAILY_JOB} and records the day it ran, so one instance does the day's run once.
 */
@Component
class ProgressionSchedule {

    /** The {@link ClusterLock} job name of the daily run. */
    static final String DAILY_JOB = "plan-progression-daily";
    static final String LAST_RUN_KEY = "plan-progression-last-run";
    private static final Logger log = LoggerFactory.getLogger(ProgressionSchedule.class);

    private final ProgressionRunner runner;
    private final PlanRepository plans;
    private final JdbcClient jdbc;
    private final ClusterLock cluster;
    private final Clock clock;

    ProgressionSchedule(ProgressionRunner runner, PlanRepository plans, JdbcClient jdbc, ClusterLock cluster,
                        Clock clock) {
        this.runner = runner;
        this.plans = plans;
        this.jdbc = jdbc;
        this.cluster = cluster;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CheckInRecorded event) {
        runner.evaluatePatient(event.patientId(), LocalDate.now(clock));
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
