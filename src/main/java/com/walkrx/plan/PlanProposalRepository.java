package com.walkrx.plan;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanProposalRepository extends JpaRepository<PlanProposal, Long> {

    Optional<PlanProposal> findFirstByPlanIdAndStatus(long planId, PlanProposal.Status status);

    Optional<PlanProposal> findFirstByPlanIdAndKindAndStatusAndFromPhaseOrderByDecidedAtDesc(
            long planId, ProposalKind kind, PlanProposal.Status status, Integer fromPhase);
}
