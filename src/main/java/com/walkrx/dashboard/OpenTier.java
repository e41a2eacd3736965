package com.walkrx.dashboard;

/** The tiers of an open flag, most urgent first (red-flags.md). */
public enum OpenTier {
    URGENT, HIGH, ADVISORY;

    /** 3 for URGENT down to 1 for ADVISORY; the SQL ranks tiers the same way. */
    public int rank() {
        return 3 - ordinal();
    }

    static OpenTier ofRank(int rank) {
        return switch (rank) {
            case 3 -> URGENT;
            case 2 -> HIGH;
            case 1 -> ADVISORY;
            default -> null;
        };
    }
}
