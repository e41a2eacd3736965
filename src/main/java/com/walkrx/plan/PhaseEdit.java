package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A clinician's numbers for one phase. Exactly one of walksPerDay (1-10) and walksPerWeek (1-70); minutes
 * 1-300 with min <= max; at least one surface; stepTarget 0-100,000 or null (computed from the baseline).
 */
public record PhaseEdit(int minDays, Integer walksPerDay, Integer walksPerWeek, int minutesMin, int minutesMax,
                        Set<Surface> surfaces, Integer stepTarget, String timing, String guidance) {

    /** The phase's current numbers, as a starting point for an edit. */
    public static PhaseEdit of(PhaseView p) {
        return new PhaseEdit(p.minDays(), p.walksPerDay(), p.walksPerWeek(), p.minutesMin(), p.minutesMax(),
                Set.copyOf(p.surfaces()), p.stepTargetFixed(), p.timing(), p.guidance());
    }

    /** Refuses a missing edit or numbers out of range, naming each field (nothing is stored then). */
    static void check(PhaseEdit e) {
        if (e == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldProblem> problems = e.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** What is wrong with these numbers, field by field; empty when the edit may be applied. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (minDays < 1 || minDays > 365) {
            problems.add(new FieldProblem("minDays", "must be between 1 and 365"));
        }
        if ((walksPerDay == null) == (walksPerWeek == null)) {
            problems.add(new FieldProblem("walksPerDay", "give either walks per day or walks per week"));
        } else if (walksPerDay != null && (walksPerDay < 1 || walksPerDay > 10)) {
            problems.add(new FieldProblem("walksPerDay", "must be between 1 and 10"));
        } else if (walksPerWeek != null && (walksPerWeek < 1 || walksPerWeek > 70)) {
            problems.add(new FieldProblem("walksPerWeek", "must be between 1 and 70"));
        }
        if (minutesMin < 1 || minutesMin > 300) {
            problems.add(new FieldProblem("minutesMin", "must be between 1 and 300"));
        }
        if (minutesMax < 1 || minutesMax > 300) {
            problems.add(new FieldProblem("minutesMax", "must be between 1 and 300"));
        } else if (minutesMax < minutesMin) {
            problems.add(new FieldProblem("minutesMax", "must be at least the minimum minutes"));
        }
        if (surfaces == null || surfaces.isEmpty()) {
            problems.add(new FieldProblem("surfaces", "choose at least one surface"));
        }
        if (stepTarget != null && (stepTarget < 0 || stepTarget > 100_000)) {
            problems.add(new FieldProblem("stepTarget", "must be between 0 and 100000"));
        }
        if (timing != null && timing.length() > 200) {
            problems.add(new FieldProblem("timing", "must be at most 200 characters"));
        }
        if (guidance != null && guidance.length() > 2000) {
            problems.add(new FieldProblem("guidance", "must be at most 2000 characters"));
        }
        return problems;
    }
}
