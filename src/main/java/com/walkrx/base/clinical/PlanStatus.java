package com.walkrx.base.clinical;

/** A plan is drafted, active, paused (by a clinician or an URGENT/HIGH flag) or ended. */
public enum PlanStatus implements Labelled {
    DRAFT("Draft"), ACTIVE("Active"), PAUSED("Paused"), ENDED("Ended");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    /** The display label: "Paused"; {@link #words()} "paused". */
    @Override
    public String label() {
        return label;
    }

    /** Not ended: the patient's one current plan. */
    public boolean live() {
        return this != ENDED;
    }
}
