package com.walkrx.checkin;

/** What the patient walked on (walking-plans.md: flat first, gentle inclines later, hills strain the back). */
public enum Surface {
    FLAT("Flat ground"),
    INCLINE("Gentle slope"),
    HILL("Hills");

    private final String label;

    Surface(String label) {
        this.label = label;
    }

    /** How the patient sees it. */
    public String label() {
        return label;
    }
}
