package com.walkrx.dashboard;

import java.util.List;

/**
 * The clinic overview: how many patients, their open flags, plan phases, adherence, and outcomes at
 * weeks 2, 4, 8 and 12 against the expected course (walking-plans.md).
 *
 * @param wholeClinic true for an admin (the clinic), false for a clinician (their care teams)
 */
public record OverviewStats(boolean wholeClinic, long patients, long onActivePlan, long onPausedPlan,
                            long checkedInLast7Days, long patientsWithOpenFlags, long openUrgent, long openHigh,
                            long openAdvisory, List<PhaseCount> phases, Adherence adherence, List<Outcome> outcomes) {

    /** Patients per live plan phase; {@code phase} null for patients without a live plan. */
    public record PhaseCount(Integer phase, long patients) {
    }

    /** Patients by 7-day adherence band. */
    public record Adherence(long below50, long from50to79, long atLeast80, long noData) {
    }

    /**
     * Pain at week {@code week} of the plan against baseline: patients with a pain score that week, the mean
     * change (negative = better), and how many reached the clinically important improvement.
     */
    public record Outcome(int week, long patients, Double meanChange, long reachedImportantChange,
                          String expected) {

        public Double share() {
            return patients == 0 ? null : (double) reachedImportantChange / patients;
        }
    }
}
