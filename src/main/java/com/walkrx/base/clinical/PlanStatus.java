package com.walkrx.base.clinical;

import java.util.Locale;

/** A plan is drafted, active, paused (by a clinician or an URGENT/HIGH flag) or ended. */
public enum PlanStatus {
    DRAFT("Draft"), ACTIVE("Active"), PAUSED("Paused"), ENDED("Ended");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    /** The display label: "Paused". */
    public String label() {
        return label;
    }

    /** The label inside a sentence: "paused". */
    public String words() {
        return label.toLowerCase(Locale.ROOT);
    }

    /** Not ended: the patient's one current plan. */
    public boolean live() {
        return this != ENDED;
    }
}
