package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.plan.PlanOperations.Actor;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies {@link Progression} to one active plan: proposes the next phase, advances an auto-advance plan,
 * or withdraws a proposal that no longer holds. The plan row is locked, so evaluations of one plan never
 * interleave (check-in listener, daily run, a second instance), and each is idempotent.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProgressionRunner {

    private final PlanRepository plans;
    private final PlanProposalRepository proposals;
    private final PlanOperations ops;

    /** Evaluates the patient's live plan, if active. */
    @Transactional
    public Progression.Outcome evaluatePatient(long patientId, LocalDate today) {
        return plans.findLiveForUpdate(patientId).map(p -> evaluate(p, today)).orElse(Progression.Outcome.STAY);
    }

    /** Evaluates one plan in a transaction of its own (the daily run: one plan's failure stops no other). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Progression.Outcome evaluatePlan(long planId, LocalDate today) {
        return plans.findByIdForUpdate(planId).map(p -> evaluate(p, today)).orElse(Progression.Outcome.STAY);
    }

    private Progression.Outcome evaluate(Plan plan, LocalDate today) {
        if (plan.getStatus() != PlanStatus.ACTIVE || plan.getPhaseStartedOn() == null
                || plan.getPhaseStartedOn().isAfter(today)) {
            return Progression.Outcome.STAY;
        }
        Progression.Decision d = ops.decide(plan, today);
        int from = plan.getCurrentPhase();
        switch (d.outcome()) {
            case PROPOSE_ADVANCE -> {
                proposals.save(new PlanProposal(plan.getId(), ProposalKind.ADVANCE, d.reason(), from, d.toPhase(),
                        ops.now()));
                ops.record(plan, Actor.SYSTEM, "Proposed advancing to phase " + d.toPhase() + ". " + d.reason());
            }
            case ADVANCE -> {
                ops.pending(plan).ifPresentOrElse(
                        p -> p.decide(PlanProposal.Status.CONFIRMED, null, ops.now()),
                        () -> {
                            PlanProposal p = new PlanProposal(plan.getId(), ProposalKind.ADVANCE, d.reason(), from,
                                    d.toPhase(), ops.now());
                            p.decide(PlanProposal.Status.CONFIRMED, null, ops.now());
                            proposals.save(p);
                        });
                plan.moveToPhase(d.toPhase(), today);
                ops.record(plan, Actor.SYSTEM, "Advanced automatically from phase " + from + " to phase "
                        + d.toPhase() + ". " + d.reason());
            }
            case WITHDRAW_PROPOSAL -> ops.pending(plan).ifPresent(p -> {
                p.decide(PlanProposal.Status.SUPERSEDED, null, ops.now());
                ops.record(plan, Actor.SYSTEM, "Withdrew the proposal to advance to phase " + p.getToPhase() + ": "
                        + String.join(" ", d.unmet()));
            });
            case STAY -> {
                return d.outcome();
            }
        }
        plans.save(plan);
        return d.outcome();
    }
}
