package com.walkrx.checkin;

import com.walkrx.base.clinical.SymptomLevel;
import java.util.Objects;

/** The eight answers about warning symptoms that the see-a-doctor rules read (red-flags.md). */
public record Symptoms(SymptomLevel numbnessTingling, SymptomLevel legWeakness, boolean bothLegs,
                       boolean saddleNumbness, boolean bladderBowelProblems, boolean fever,
                       boolean unexplainedWeightLoss, boolean newInjuryOrFall) {

    public Symptoms {
        Objects.requireNonNull(numbnessTingling, "numbnessTingling");
        Objects.requireNonNull(legWeakness, "legWeakness");
    }

    /** Nothing to report: no numbness, no weakness, every yes/no question answered no. */
    public static Symptoms noneReported() {
        return new Symptoms(SymptomLevel.NONE, SymptomLevel.NONE, false, false, false, false, false, false);
    }

    /** True when every answer is "none" or "no". */
    public boolean allClear() {
        return numbnessTingling == SymptomLevel.NONE && legWeakness == SymptomLevel.NONE && !bothLegs
                && !saddleNumbness && !bladderBowelProblems && !fever && !unexplainedWeightLoss && !newInjuryOrFall;
    }
}
