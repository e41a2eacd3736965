package com.walkrx.checkin;

/** The check of the bounded whole-number value objects ({@link PainScore}, {@link StepCount}, {@link WalkMinutes}). */
final class WholeRange {

    private WholeRange() {
    }

    /** Refuses a value outside {@code min..max} with the message the API shows under the field. */
    static void check(int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
    }
}
