package com.walkrx.checkin;

import com.walkrx.base.api.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The rules of a check-in as a whole (API.md): the date window, the notes limit, something to report. */
public final class CheckInRules {

    /** A check-in may be dated at most this many days before the clinic's today. */
    public static final int MAX_DAYS_BACK = 7;
    /** Notes are at most this many characters. */
    public static final int MAX_NOTES = 2000;
    /** An Idempotency-Key is at most this long. */
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    /** Plausibility limit (walking-plans.md): at most this many walks in one check-in. */
    public static final int MAX_WALKS = 20;
    /** Plausibility limit (walking-plans.md): one patient's walks of one date add up to at most this many minutes. */
    public static final int MAX_MINUTES_PER_DAY = 600;

    private CheckInRules() {
    }

    /** The problem with a check-in date, or null: not in the future, at most {@link #MAX_DAYS_BACK} days back. */
    public static FieldProblem dateProblem(LocalDate date, LocalDate today) {
        if (date == null) {
            return new FieldProblem("date", "is required");
        }
        if (date.isAfter(today)) {
            return new FieldProblem("date", "must not be in the future");
        }
        if (date.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            return new FieldProblem("date", "must be at most " + MAX_DAYS_BACK + " days ago");
        }
        return null;
    }

    /**
     * The plausibility limits of walking-plans.md: at most {@link #MAX_WALKS} walks (problem on {@code walks}),
     * and the date's walks at most {@link #MAX_MINUTES_PER_DAY} minutes with the {@code storedMinutes} the patient
     * already logged that date (problem on the first walk that goes past, {@code walks[i].minutes}). A check-in
     * past either is refused whole. {@code walkMinutes} holds each walk's minutes by position (null: invalid).
     */
    public static List<FieldProblem> plausibilityProblems(List<Integer> walkMinutes, int storedMinutes) {
        if (walkMinutes.size() > MAX_WALKS) {
            return List.of(new FieldProblem("walks", "must hold at most " + MAX_WALKS + " walks (it has "
                    + walkMinutes.size() + ")"));
        }
        long total = storedMinutes;
        for (int i = 0; i < walkMinutes.size(); i++) {
            Integer minutes = walkMinutes.get(i);
            if (minutes == null) {
                continue;
            }
            total += minutes;
            if (total > MAX_MINUTES_PER_DAY) {
                return List.of(new FieldProblem("walks[" + i + "].minutes", "would bring this date's walks to " + total
                        + " minutes" + (storedMinutes > 0 ? " (" + storedMinutes + " already logged)" : "")
                        + "; at most " + MAX_MINUTES_PER_DAY + " minutes a day"));
            }
        }
        return List.of();
    }

    /** The problems of a check-in's shape, independent of today: notes too long, nothing to report. */
    static List<FieldProblem> shapeProblems(boolean hasWalks, boolean hasSymptoms, boolean hasOverallPain,
                                            String notes) {
        List<FieldProblem> problems = new ArrayList<>();
        if (notes != null && notes.codePointCount(0, notes.length()) > MAX_NOTES) {
            problems.add(new FieldProblem("notes", "must be at most " + MAX_NOTES + " characters"));
        }
        if (!hasWalks && !hasSymptoms && !hasOverallPain) {
            problems.add(new FieldProblem("body", "needs at least one of walks, symptoms or overallPain"));
        }
        return problems;
    }
}
