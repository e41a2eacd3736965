package com.walkrx.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "plan_proposal")
class PlanProposal {

    enum Status { PENDING, CONFIRMED, DECLINED, SUPERSEDED }

    @Id
    @GeneratedValue(generator = "plan_proposal_seq")
    @SequenceGenerator(name = "plan_proposal_seq", sequenceName = "plan_proposal_seq", allocationSize = 50)
    private Long id;
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

    Long getId() { return id; }

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
        return new ProposalView(id, kind, reason, getFromPhase(), getToPhase(), createdAt);
    }
}
