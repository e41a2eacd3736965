package com.walkrx.outcome;

import com.walkrx.base.cluster.JobRounds;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the questionnaires that have fallen due, so the caseload's overdue badge is right for patients who have
 * not opened the app. Idempotent (unique patient, instrument and due date; a clash does nothing), so every
 * instance may run it; hourly, so a clinic's new day is picked up soon after its midnight whatever its time zone.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OutcomeScheduleJob {

    private static final Logger log = LoggerFactory.getLogger(OutcomeScheduleJob.class);

    private final OutcomeService outcomes;

    @Scheduled(cron = "${walkrx.outcomes.schedule-cron:0 7 * * * *}")
    void hourly() {
        run();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    void run() {
        JobRounds.run(log, outcomes::scheduleAll, "{} questionnaires fell due", Level.WARN,
                "Creating due questionnaires failed; the next run tries again");
    }
}
