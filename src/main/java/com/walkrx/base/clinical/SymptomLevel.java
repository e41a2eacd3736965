package com.walkrx.base.clinical;

/** The answer to "numbness or tingling?" and "leg weakness?" (red-flags.md). */
public enum SymptomLevel {
    NONE("None"),
    SAME_AS_BEFORE("Same as before"),
    NEW("New"),
    WORSENING("Getting worse");

    private final String label;

    SymptomLevel(String label) {
        this.label = label;
    }

    /** How the patient sees it. */
    public String label() {
        return label;
    }
}
