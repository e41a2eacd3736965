package com.walkrx.base.cluster;

import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * One round of a scheduled job, as every job runs it: what the round did is logged when it did anything, and a
 * failure is logged, not thrown into the scheduler, because the next round retries (each round is idempotent).
 */
public final class JobRounds {

    private JobRounds() {
    }

    /** Runs {@code round}; {@code done} takes the round's count as its one {@code {}}; a failure is an error. */
    public static void run(Logger log, IntSupplier round, String done, String failed) {
        run(log, round, done, Level.ERROR, failed);
    }

    /** As {@link #run(Logger, IntSupplier, String, String)}, with a failure logged at {@code failureLevel}. */
    public static void run(Logger log, IntSupplier round, String done, Level failureLevel, String failed) {
        try {
            int n = round.getAsInt();
            if (n > 0) {
                log.info(done, n);
            }
        } catch (RuntimeException e) {
            log.atLevel(failureLevel).setCause(e).log(failed);
        }
    }
}
