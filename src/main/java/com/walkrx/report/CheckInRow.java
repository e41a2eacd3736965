package com.walkrx.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a patient's check-ins joined to their walks: one row per walk, or one row with no walk
 * ({@code walkId} null) for a check-in without walks. Rows come in date, check-in and walk order.
 */
record CheckInRow(long checkInId, LocalDate date, Instant recordedAt, Integer overallPain, Integer steps, String notes,
                  String numbnessTingling, String legWeakness, Boolean bothLegs, Boolean saddleNumbness,
                  Boolean bladderBowelProblems, Boolean fever, Boolean unexplainedWeightLoss, Boolean newInjuryOrFall,
                  Long walkId, Integer walkPosition, Integer walkMinutes, String walkSurface, Integer painBefore,
                  Integer painAfter, Boolean sharpPain, Integer walkSteps) {

    boolean hasWalk() {
        return walkId != null;
    }
}
