package com.walkrx.dashboard;

/** How far back the patient chart looks. */
public enum ChartRange {
    FOUR_WEEKS("4 weeks", 28),
    TWELVE_WEEKS("12 weeks", 84),
    ALL("All", 0);

    private final String label;
    private final int days;

    ChartRange(String label, int days) {
        this.label = label;
        this.days = days;
    }

    public String label() {
        return label;
    }

    /** Days shown, today included; 0 for the whole plan. */
    public int days() {
        return days;
    }
}
