package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the flag module may do to a patient's plan without a clinician: read its state, pause it for an
 * URGENT or HIGH flag, and propose a step back. Implemented by the plan module.
 */
public interface PlanControl {

    /** The patient's plan that has not ended (ACTIVE or PAUSED), if any. */
    Optional<PlanState> livePlan(long patientId);

    /**
     * Pauses the patient's active plan because a flag was raised; the plan resumes only when a clinician
     * resumes it. Returns true when the plan is paused after the call (also when it already was).
     */
    boolean pauseForFlag(long patientId, String flagCode, String reason);

    /** Proposes a step back (previous phase or shorter walks) with the reason, for a clinician to confirm. */
    void proposeStepBack(long patientId, String reason);

    /** A plan as the flag rules need it. */
    record PlanState(long planId, PlanStatus status, Template template, int currentPhase, LocalDate startDate,
                     boolean activatedWithOverride) {
    }
}
