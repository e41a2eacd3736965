package com.walkrx.plan;

/** What the system proposes to the clinician: the next phase, or a step back. */
public enum ProposalKind {
    ADVANCE, STEP_BACK
}
