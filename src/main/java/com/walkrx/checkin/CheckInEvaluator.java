package com.walkrx.checkin;

import com.walkrx.base.clinical.Tier;
import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates a just-stored check-in against the see-a-doctor rules (red-flags.md). It runs inside the
 * check-in's transaction, so the check-in and the flags it raises commit together, and while that transaction
 * holds the patient's lock ({@code pg_advisory_xact_lock(PATIENT_LOCK, lockKey(patientId))}), so the patient's
 * check-ins, and anything else that takes the same lock, are evaluated one at a time. Implemented by the flag
 * module.
 */
public interface CheckInEvaluator {

    /** The namespace (first key) of the patient's advisory lock. */
    int PATIENT_LOCK = 20261129;

    /** The second key of the patient's advisory lock. */
    static int lockKey(long patientId) {
        return (int) (patientId % Integer.MAX_VALUE);
    }

    Evaluation evaluate(long clinicId, long patientId, long checkInId, LocalDate date);

    /** A flag the check-in raised or added evidence to, as the check-in reply lists it. */
    record RaisedFlag(long id, String code, Tier tier, String patientMessage) {
    }

    /** What the evaluation did: the flags, and whether the patient's plan is now paused. */
    record Evaluation(List<RaisedFlag> flags, boolean planPaused) {

        public static Evaluation none() {
            return new Evaluation(List.of(), false);
        }
    }
}
