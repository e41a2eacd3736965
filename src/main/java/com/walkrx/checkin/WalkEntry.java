package com.walkrx.checkin;

import com.walkrx.base.clinical.Surface;
import java.util.Objects;

/** One walk as the patient logged it; {@code steps} may be null. */
public record WalkEntry(WalkMinutes minutes, Surface surface, PainScore painBefore, PainScore painAfter,
                        boolean sharpPain, StepCount steps) {

    public WalkEntry {
        Objects.requireNonNull(minutes, "minutes");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(painBefore, "painBefore");
        Objects.requireNonNull(painAfter, "painAfter");
    }

    public static WalkEntry of(int minutes, Surface surface, int painBefore, int painAfter, boolean sharpPain) {
        return new WalkEntry(new WalkMinutes(minutes), surface, new PainScore(painBefore), new PainScore(painAfter),
                sharpPain, null);
    }
}
