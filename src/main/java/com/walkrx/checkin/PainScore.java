package com.walkrx.checkin;

import com.fasterxml.jackson.annotation.JsonValue;

/** A pain rating on the 0-10 numeric scale: 0 no pain, 10 the worst imaginable. */
public record PainScore(@JsonValue int value) {

    public static final int MIN = 0;
    public static final int MAX = 10;

    public PainScore {
        WholeRange.check(value, MIN, MAX);
    }

    public static PainScore of(int value) {
        return new PainScore(value);
    }
}
