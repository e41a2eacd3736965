package com.walkrx.plan;

import com.walkrx.patient.PatientRecord;
import com.walkrx.plan.PlanOperations.Actor;
import java.time.LocalDate;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The surgery rule of walking-plans.md as it applies to a plan: when activation needs a surgeon's clearance (or
 * a written override), and unlocking the post-surgery phases once the clearance is on record.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SurgeryClearance {

    private final PlanOperations ops;

    /**
     * Why activation needs a surgeon's clearance or an override reason, or empty when it does not: surgery
     * within 12 weeks without clearance, or a post-surgery template without clearance.
     */
    static Optional<String> problem(PatientRecord patient, Template template, LocalDate today) {
        if (patient.clearanceMissingOn(today)) {
            return Optional.of("Surgery on " + patient.surgeryDate() + " was within the last 12 weeks and no surgeon's "
                    + "clearance is on record, so the plan cannot be activated. Record the clearance (date and "
                    + "limits), or write the reason for activating without it.");
        }
        if (template == Template.POST_SURGERY && patient.surgeonClearanceDate() == null) {
            return Optional.of("The post-surgery plan's phases are locked until the surgeon's clearance is on "
                    + "record. Record the clearance (date and limits), or write the reason for activating without it.");
        }
        return Optional.empty();
    }

    /** Unlocks the plan's locked phases when the patient's clearance is on record (a system change). */
    void unlockIfCleared(Plan plan, PatientRecord patient) {
        if (patient.surgeonClearanceDate() == null || plan.getPhases().stream().noneMatch(PlanPhase::isLocked)) {
            return;
        }
        plan.getPhases().forEach(PlanPhase::unlock);
        ops.record(plan, Actor.SYSTEM, "Phases unlocked: the surgeon's clearance of "
                + patient.surgeonClearanceDate() + " is on record"
                + (patient.surgeonClearanceLimits() == null || patient.surgeonClearanceLimits().isBlank() ? "."
                : " (limits: " + patient.surgeonClearanceLimits() + "). Copy the limits into the phase guidance."));
    }
}
