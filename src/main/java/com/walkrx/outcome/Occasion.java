package com.walkrx.outcome;

/** Why a questionnaire falls due (the schedule in {@link OutcomeSchedule}). */
public enum Occasion {
    BASELINE("Start of your plan"),
    FOLLOW_UP("Regular check"),
    WEEK_6("Week 6 review"),
    WEEK_12("Week 12 review"),
    PLAN_END("End of your plan");

    private final String label;

    Occasion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
