package com.walkrx.checkin;

import com.walkrx.base.clinical.Tier;
import java.time.LocalDate;
import java.util.List;

/**
 * Evaluates a just-stored check-in against the see-a-doctor rules (red-flags.md). It runs inside the
 * check-in's transaction, so the check-in and the flags it raises commit together. Implemented by the
 * flag module.
 */
public interface CheckInEvaluator {

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
