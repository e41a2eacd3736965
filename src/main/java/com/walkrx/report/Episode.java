package com.walkrx.report;

import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The parts of a patient's episode whose size does not grow with the history: who, the clinic, the care team,
 * the plans with their phases and changes, the flags with their evidence. Check-ins and walks are streamed.
 */
record Episode(PatientInfo patient, String clinicName, long clinicId, List<Clinician> careTeam, List<PlanInfo> plans,
               List<PlanChangeItem> changes, List<FlagInfo> flags, LocalDate therapyStart) {

    record PatientInfo(long id, String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
                       Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate, LocalDate clearanceDate,
                       String clearanceLimits) {

        String fullName() {
            return givenName + " " + familyName;
        }
    }

    record Clinician(long id, String displayName) {
    }

    /** A plan, newest first in {@link Episode#plans}. */
    record PlanInfo(long id, String template, String status, int currentPhase, LocalDate startDate,
                    LocalDate phaseStartedOn, LocalDate activatedOn, LocalDate endedOn, String pauseReason,
                    List<PhaseInfo> phases) {

        PhaseInfo current() {
            return phases.stream().filter(p -> p.number() == currentPhase).findFirst().orElse(null);
        }

        boolean live() {
            return !status.equals("ENDED");
        }
    }

    record PhaseInfo(int number, int minDays, Integer walksPerDay, Integer walksPerWeek, int minutesMin,
                     int minutesMax, String surfaces, Integer stepTarget, String guidance) {

        /** "3 walks a day, 10 min each, flat". */
        String summary() {
            String count = walksPerDay != null ? walksPerDay + " walks a day" : walksPerWeek + " walks a week";
            String minutes = minutesMin == minutesMax ? minutesMin + " min" : minutesMin + "-" + minutesMax + " min";
            return count + ", " + minutes + " each, " + surfaces.toLowerCase().replace(",", ", ");
        }
    }

    record PlanChangeItem(long planId, Instant at, String by, String summary) {
    }

    record FlagInfo(long id, String code, String label, String tier, String status, Instant raisedAt, String basis,
                    Instant acknowledgedAt, String acknowledgedBy, String acknowledgeNote, Instant resolvedAt,
                    String resolvedBy, boolean resolvedBySystem, String outcome, String action, String resolveNote,
                    List<Evidence> evidence) {
    }

    /** A flag's evidence: a check-in and what of it the rule saw (whether it had a pain score, which walks). */
    record Evidence(Long checkInId, LocalDate checkInDate, String detail, Instant addedAt, boolean painScored,
                    boolean stepsRecorded, List<Long> walkIds) {
    }

    PlanInfo plan() {
        return plans.isEmpty() ? null : plans.getFirst();
    }
}
