package com.walkrx.flag;

import com.walkrx.base.cluster.JobRounds;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the state rules (MISSED_CHECK_INS, SURGERY_CLEARANCE_MISSING) every quarter of an hour by default.
 * Safe with several app instances: each round takes a database lock, see {@link FlagEvaluator#evaluateSchedule()}.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagSchedule {

    private static final Logger log = LoggerFactory.getLogger(FlagSchedule.class);

    private final FlagEvaluator evaluator;

    @Scheduled(cron = "${walkrx.flags.schedule-cron:0 */15 * * * *}")
    void run() {
        JobRounds.run(log, evaluator::evaluateSchedule, "Scheduled flag rules raised or extended {} flags",
                "Scheduled flag rules failed; the next round retries");
    }
}
