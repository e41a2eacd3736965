package com.walkrx.flag;

/** A flag is OPEN until a clinician acknowledges it, and later resolves it. Nothing is deleted. */
public enum FlagStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String label() {
        return switch (this) {
            case OPEN -> "Open";
            case ACKNOWLEDGED -> "Acknowledged";
            case RESOLVED -> "Resolved";
        };
    }
}
