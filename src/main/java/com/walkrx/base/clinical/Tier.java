package com.walkrx.base.clinical;

/** How serious a flag is, and what the patient is told at once (red-flags.md, "Severity tiers"). */
public enum Tier {
    URGENT("Seek emergency medical care today. Do not walk for exercise until a doctor has seen you.", true),
    HIGH("Contact your doctor or therapist before your next walk.", true),
    ADVISORY("Take it easier: shorten or slow your walks until your therapist reviews your plan.", false);

    private final String patientMessage;
    private final boolean pausesPlan;

    Tier(String patientMessage, boolean pausesPlan) {
        this.patientMessage = patientMessage;
        this.pausesPlan = pausesPlan;
    }

    /** The advice the patient sees in the check-in reply and on "today". */
    public String patientMessage() {
        return patientMessage;
    }

    /** URGENT and HIGH pause the active plan; ADVISORY lets it continue. */
    public boolean pausesPlan() {
        return pausesPlan;
    }

    /** Most severe first: URGENT 0, HIGH 1, ADVISORY 2. */
    public int rank() {
        return ordinal();
    }

    public String label() {
        return switch (this) {
            case URGENT -> "Urgent";
            case HIGH -> "High";
            case ADVISORY -> "Advisory";
        };
    }
}
