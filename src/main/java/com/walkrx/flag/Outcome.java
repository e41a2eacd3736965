package com.walkrx.flag;

/** How a clinician resolved a flag. */
public enum Outcome {
    REFERRED, SEEN_BY_DOCTOR, NO_ACTION_NEEDED, OTHER;

    public String label() {
        return switch (this) {
            case REFERRED -> "Referred";
            case SEEN_BY_DOCTOR -> "Seen by doctor";
            case NO_ACTION_NEEDED -> "No action needed";
            case OTHER -> "Other";
        };
    }
}
