package com.walkrx.plan;

import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.plan.PlanOperations.Actor;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Carries out a clinician's decision on a plan's pending proposal (advance, or step back). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProposalDecisions {

    private final PlanProposalRepository proposals;
    private final PlanOperations ops;

    /** The plan's proposal {@code proposalId}, still pending (else PROPOSAL_DECIDED). */
    PlanProposal pending(Plan plan, long proposalId) {
        PlanProposal proposal = proposals.findById(proposalId)
                .filter(p -> p.getPlanId() == plan.getId())
                .orElseThrow(() -> new NotFoundException("Proposal"));
        if (proposal.getStatus() != PlanProposal.Status.PENDING) {
            throw new ConflictException("PROPOSAL_DECIDED", "This proposal was already "
                    + proposal.getStatus().name().toLowerCase() + ".");
        }
        return proposal;
    }

    /** Moves to the proposal's phase, or shortens the walks of the current one, and records it. */
    void confirm(Plan plan, PlanProposal proposal, Actor actor) {
        LocalDate today = ops.today(plan.getClinicId());
        if (proposal.getKind() == ProposalKind.ADVANCE) {
            PlanPhase target = plan.phase(proposal.getToPhase()).orElseThrow(() -> new NotFoundException("Phase"));
            if (target.isLocked()) {
                throw new ConflictException("PHASE_LOCKED",
                        "Phase " + target.getNumber() + " is locked until the surgeon's clearance is recorded.");
            }
            int from = plan.getCurrentPhase();
            plan.moveToPhase(target.getNumber(), today);
            ops.record(plan, actor, "Advanced from phase " + from + " to phase " + target.getNumber()
                    + " (proposal confirmed).");
        } else {
            Progression.StepBack sb = Progression.stepBack(ops.phaseNumbers(plan), plan.current().rules());
            if (sb.shorterWalks()) {
                PlanPhase current = plan.current();
                String before = PrescriptionWords.minutes(current.getMinutesMin(), current.getMinutesMax());
                current.shortenWalks(sb.minutesMin(), sb.minutesMax());
                ops.record(plan, actor, "Step back confirmed: phase " + current.getNumber() + " walks shortened from "
                        + before + " to " + PrescriptionWords.minutes(sb.minutesMin(), sb.minutesMax()) + ".");
            } else {
                int from = plan.getCurrentPhase();
                plan.moveToPhase(sb.toPhase(), today);
                ops.record(plan, actor, "Step back confirmed: from phase " + from + " to phase " + sb.toPhase() + ".");
            }
        }
        proposal.decide(PlanProposal.Status.CONFIRMED, actor.userId(), ops.now());
    }

    /** Declines the proposal and records it. */
    void decline(Plan plan, PlanProposal proposal, Actor actor) {
        proposal.decide(PlanProposal.Status.DECLINED, actor.userId(), ops.now());
        ops.record(plan, actor, (proposal.getKind() == ProposalKind.ADVANCE
                ? "Declined advancing to phase " + proposal.getToPhase()
                : "Declined the step back") + ".");
    }
}
