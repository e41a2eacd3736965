package com.walkrx.flag;

import com.walkrx.base.clinical.Surface;
import com.walkrx.plan.PlanControl.PlanState;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the rules read about one patient, as of a date: the check-ins of the 14 days ending with (and
 * including) {@code asOf}, with their walks and symptoms, the surgery and clearance dates, and the live plan.
 *
 * @param currentCheckInId the check-in being evaluated, or null for a scheduled evaluation
 * @param lastCheckInDate  the date of the patient's latest check-in on or before {@code asOf}, of any age
 * @param plan             the plan that has not ended (ACTIVE or PAUSED), or null
 */
record PatientHistory(long patientId, LocalDate asOf, Long currentCheckInId, List<CheckInFacts> checkIns,
                      LocalDate surgeryDate, LocalDate surgeonClearanceDate, LocalDate lastCheckInDate,
                      PlanState plan) {

    /** How a symptom changed, as the patient answers it. */
    enum Change { NONE, SAME_AS_BEFORE, NEW, WORSENING }

    PatientHistory {
        Objects.requireNonNull(asOf);
        checkIns = checkIns.stream()
                .sorted(Comparator.comparing(CheckInFacts::date).thenComparingLong(CheckInFacts::id))
                .toList();
    }

    /** One check-in: the day's overall pain (may be null), its symptoms (null when it carried none), its walks. */
    record CheckInFacts(long id, LocalDate date, Integer overallPain, Symptoms symptoms, List<WalkFacts> walks) {

        CheckInFacts {
            walks = List.copyOf(walks);
        }
    }

    /** The symptom answers of one check-in; a missing answer reads as NONE or no. */
    record Symptoms(Change numbnessTingling, Change legWeakness, boolean bothLegs, boolean saddleNumbness,
                    boolean bladderBowelProblems, boolean fever, boolean unexplainedWeightLoss,
                    boolean newInjuryOrFall) {

        Symptoms {
            numbnessTingling = numbnessTingling == null ? Change.NONE : numbnessTingling;
            legWeakness = legWeakness == null ? Change.NONE : legWeakness;
        }

        static Symptoms none() {
            return new Symptoms(Change.NONE, Change.NONE, false, false, false, false, false, false);
        }
    }

    /** One walk; its date is its check-in's date, {@code position} its order within the check-in. */
    record WalkFacts(long checkInId, LocalDate date, int position, int minutes, Surface surface, int painBefore,
                     int painAfter, boolean sharpPain) {

        int painChange() {
            return painAfter - painBefore;
        }
    }

    /** The check-in being evaluated, or null. */
    CheckInFacts current() {
        if (currentCheckInId == null) {
            return null;
        }
        return checkIns.stream().filter(c -> c.id() == currentCheckInId).findFirst().orElse(null);
    }

    /** Check-ins dated from {@code from} to {@code to}, both included, oldest first. */
    List<CheckInFacts> checkInsBetween(LocalDate from, LocalDate to) {
        return checkIns.stream().filter(c -> !c.date().isBefore(from) && !c.date().isAfter(to)).toList();
    }

    /** All walks of the window, oldest first (by date, check-in, position). */
    Stream<WalkFacts> walks() {
        return checkIns.stream().flatMap(c -> c.walks().stream()
                .sorted(Comparator.comparingInt(WalkFacts::position)));
    }

    /** A day's overall pain: the last {@code overallPain} reported for that date (highest check-in id), or null. */
    Integer dayPain(LocalDate date) {
        Integer pain = null;
        for (CheckInFacts c : checkIns) {
            if (c.date().equals(date) && c.overallPain() != null) {
                pain = c.overallPain();
            }
        }
        return pain;
    }
}
