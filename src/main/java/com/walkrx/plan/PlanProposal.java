package com.walkrx.plan;

import com.walkrx.base.jpa.SequencedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "plan_proposal")
@SequenceGenerator(sequenceName = "plan_proposal_seq", allocationSize = 50)
class PlanProposal extends SequencedEntity {

    enum Status { PENDING, CONFIRMED, DECLINED, SUPERSEDED }

    private long planId;
    @Enumerated(EnumType.STRING)
    private ProposalKind kind;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Long decidedBy;
    private Instant decidedAt;
    private Integer fromPhase;
    private Integer toPhase;

    protected PlanProposal() {
    }

    PlanProposal(long planId, ProposalKind kind, String reason, int fromPhase, int toPhase, Instant now) {
        this.planId = planId;
        this.kind = kind;
        this.reason = reason;
        this.status = Status.PENDING;
        this.fromPhase = fromPhase;
        this.toPhase = toPhase;
        this.createdAt = now;
    }

    long getPlanId() { return planId; }

    ProposalKind getKind() { return kind; }

    String getReason() { return reason; }

    Status getStatus() { return status; }

    Instant getDecidedAt() { return decidedAt; }

    int getFromPhase() { return fromPhase == null ? 0 : fromPhase; }

    int getToPhase() { return toPhase == null ? 0 : toPhase; }

    void decide(Status outcome, Long by, Instant now) {
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    ProposalView view() {
        return new ProposalView(getId(), kind, reason, getFromPhase(), getToPhase(), createdAt);
    }
}
