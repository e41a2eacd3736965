package com.walkrx.patient;

/** The back conditions walking therapy is for (walking-plans.md, "Who a plan is for"). */
public enum Condition {
    CHRONIC_LOW_BACK_PAIN("Chronic lower back pain"),
    SCIATICA("Sciatica"),
    MUSCLE_STRAIN("Muscle strain"),
    HERNIATED_DISC("Herniated disc (mild symptoms)"),
    LUMBAR_DISCOMFORT("General lumbar discomfort"),
    OTHER("Other");

    private final String label;

    Condition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
