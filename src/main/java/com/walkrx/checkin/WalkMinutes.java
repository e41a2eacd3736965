package com.walkrx.checkin;

import com.fasterxml.jackson.annotation.JsonValue;

/** How long one walk lasted, in whole minutes (1-300). */
public record WalkMinutes(@JsonValue int value) {

    public static final int MIN = 1;
    public static final int MAX = 300;

    public WalkMinutes {
        WholeRange.check(value, MIN, MAX);
    }

    public static WalkMinutes of(int value) {
        return new WalkMinutes(value);
    }
}
