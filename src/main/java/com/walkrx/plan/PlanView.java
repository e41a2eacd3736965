package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's plan as services hand it out. {@code version} must be sent back with every change (optimistic
 * locking). {@code nextPhase} lists what still stands between the plan and its next phase (empty when ready).
 */
public record PlanView(long id, long patientId, Template template, String templateName, PlanStatus status,
                       int currentPhase, LocalDate startDate, LocalDate phaseStartedOn, boolean autoAdvance,
                       String overrideReason, String pauseReason, String pausedForFlag, long version,
                       List<PhaseView> phases, ProposalView proposal, Integer stepBaseline, Double adherence7d,
                       List<String> nextPhase) {

    /** The phase the patient is in. */
    public PhaseView current() {
        return phases.stream().filter(p -> p.number() == currentPhase).findFirst().orElse(phases.getFirst());
    }
}
