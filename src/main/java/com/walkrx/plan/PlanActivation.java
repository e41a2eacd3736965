package com.walkrx.plan;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientRecord;
import com.walkrx.plan.PlanOperations.Actor;
import java.time.LocalDate;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The acts of assigning and activating a plan, after the service has checked access and input: ending the
 * plan a new one replaces, and activating (with the audited override when the surgery rule needs one).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlanActivation {

    private final PlanRepository plans;
    private final PlanOperations ops;
    private final AuditService audit;

    /** Ends the patient's live plan, if any, because a new {@code template} plan replaces it. */
    void endReplaced(long patientId, Template template, Actor actor) {
        plans.findLiveForUpdate(patientId).ifPresent(old -> {
            ops.supersedePending(old, actor);
            old.end(ops.now());
            ops.record(old, actor, "Plan ended: replaced by a new " + ops.templateName(template) + " plan.");
            plans.saveAndFlush(old);
        });
    }

    /**
     * Activates the draft from today (or its later start date); with a clearance {@code problem}, the written
     * {@code override} is kept on the plan, unlocks the current phase and is audited.
     */
    void activate(Caller caller, Plan plan, PatientRecord patient, Optional<String> problem, String override) {
        Actor actor = Actor.of(caller);
        LocalDate today = ops.today(plan.getClinicId());
        LocalDate phaseStart = plan.getStartDate().isAfter(today) ? plan.getStartDate() : today;
        boolean overriding = problem.isPresent();
        plan.activate(ops.now(), phaseStart, overriding ? override : null);
        if (overriding) {
            plan.current().unlock();
            audit.record(caller, AuditAction.OVERRODE_SURGERY_CLEARANCE, patient.id(), true, override);
            ops.record(plan, actor, "Plan activated without the surgeon's clearance. Override reason: " + override);
        } else {
            ops.record(plan, actor, "Plan activated; phase " + plan.getCurrentPhase() + " from " + phaseStart + ".");
        }
    }
}
