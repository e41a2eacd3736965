package com.walkrx.dashboard;

import com.walkrx.patient.Acuity;
import com.walkrx.patient.Condition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the patient chart shows for one range: who, the plan, the daily series, each walk and the
 * flags. Built with a fixed number of queries, however long the history.
 */
public record PatientChart(Header header, PlanView plan, ChartRange range, LocalDate from, LocalDate to,
                           LocalDate baselineFrom, PainChange painChange, List<Day> days, List<WalkPoint> walks,
                           List<FlagItem> flags) {

    /** The chart's header. */
    public record Header(long id, String givenName, String familyName, LocalDate dateOfBirth, int age,
                         Condition condition, Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate,
                         LocalDate surgeonClearanceDate, String surgeonClearanceLimits) {

        public String fullName() {
            return givenName + " " + familyName;
        }
    }

    /** The live (or last) plan with its phases and any proposal waiting for the clinician. */
    public record PlanView(long id, String template, String status, int currentPhase, LocalDate startDate,
                           LocalDate phaseStartedOn, LocalDate endedOn, String pauseReason, List<Phase> phases,
                           Proposal proposal) {

        public Phase current() {
            return phases.stream().filter(p -> p.number() == currentPhase).findFirst().orElse(null);
        }

        /** Days spent in the current phase up to {@code today}, counting the first day as 1. */
        public long daysInPhase(LocalDate today) {
            LocalDate since = phaseStartedOn != null ? phaseStartedOn : startDate;
            return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(since, today) + 1);
        }
    }

    /** One phase's prescription. */
    public record Phase(int number, int minDays, Integer walksPerDay, Integer walksPerWeek, int minutesMin,
                        int minutesMax, String surfaces, Integer stepTarget, String guidance) {

        /** Prescribed minutes per day: per-week phases spread evenly over the week. */
        public double dailyMinutes() {
            return walksPerDay != null ? walksPerDay * minutesMin : walksPerWeek * minutesMin / 7.0;
        }

        public String summary() {
            String count = walksPerDay != null ? walksPerDay + " walks a day" : walksPerWeek + " walks a week";
            String minutes = minutesMin == minutesMax ? minutesMin + " min" : minutesMin + "-" + minutesMax + " min";
            return count + ", " + minutes + " each, " + surfaces.toLowerCase().replace(",", ", ");
        }
    }

    /** A proposal to advance or step back. */
    public record Proposal(String kind, String reason, Instant createdAt) {
    }

    /**
     * One calendar day: the day's overall pain, its trailing 7-day mean, steps, walked minutes and walks, and
     * what the plan prescribed that day (null before the plan).
     */
    public record Day(LocalDate date, Integer pain, Double pain7dMean, Integer steps, int minutes, int walks,
                      Double prescribedMinutes, Integer stepTarget) {
    }

    /** One walk. */
    public record WalkPoint(LocalDate date, int position, int minutes, String surface, int painBefore, int painAfter,
                            boolean sharpPain, Integer steps) {
    }

    /** A flag as the chart lists and marks it. */
    public record FlagItem(long id, String code, OpenTier tier, String status, Instant raisedAt, LocalDate raisedOn,
                           String basis, int evidenceCount) {
    }
}
