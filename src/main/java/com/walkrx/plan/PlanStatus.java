package com.walkrx.plan;

/** A plan is drafted, active, paused (by a clinician or an URGENT/HIGH flag) or ended. */
public enum PlanStatus {
    DRAFT, ACTIVE, PAUSED, ENDED;

    /** Not ended: the patient's one current plan. */
    public boolean live() {
        return this != ENDED;
    }
}
