package com.walkrx.checkin;

import com.fasterxml.jackson.annotation.JsonValue;

/** A number of steps, of one walk or of a whole day (0-100000). */
public record StepCount(@JsonValue int value) {

    public static final int MIN = 0;
    public static final int MAX = 100_000;

    public StepCount {
        WholeRange.check(value, MIN, MAX);
    }

    public static StepCount of(int value) {
        return new StepCount(value);
    }
}
