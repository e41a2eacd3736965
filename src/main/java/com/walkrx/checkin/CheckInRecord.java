package com.walkrx.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored check-in as callers read it. {@code overallPain}, {@code steps}, {@code symptoms} and
 * {@code notes} may be null; notes are plain text, never markup.
 */
public record CheckInRecord(long id, long patientId, LocalDate date, Instant recordedAt, PainScore overallPain,
                            StepCount steps, List<WalkEntry> walks, Symptoms symptoms, String notes) {

    public CheckInRecord {
        walks = walks == null ? List.of() : List.copyOf(walks);
    }

    /** Total minutes walked in this check-in. */
    public int walkedMinutes() {
        return walks.stream().mapToInt(w -> w.minutes().value()).sum();
    }
}
