package com.walkrx.plan;

import java.time.Instant;

/** A pending proposal on a plan, with its reason, for a clinician to confirm or decline. */
public record ProposalView(long id, ProposalKind kind, String reason, int fromPhase, int toPhase, Instant createdAt) {
}
