package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What an edit changes in a phase, in words for the history: "minutes 15-20 -> 20-25; walks per day 2 -> 3". */
final class PhaseDiff {

    private PhaseDiff() {
    }

    static String describe(PlanPhase p, PhaseEdit e) {
        List<String> parts = new ArrayList<>();
        if (p.getMinDays() != e.minDays()) {
            parts.add("minimum days " + p.getMinDays() + " -> " + e.minDays());
        }
        String walksBefore = walks(p.getWalksPerDay(), p.getWalksPerWeek());
        String walksAfter = walks(e.walksPerDay(), e.walksPerWeek());
        if (!walksBefore.equals(walksAfter)) {
            parts.add("walks " + walksBefore + " -> " + walksAfter);
        }
        if (p.getMinutesMin() != e.minutesMin() || p.getMinutesMax() != e.minutesMax()) {
            parts.add("minutes " + range(p.getMinutesMin(), p.getMinutesMax()) + " -> "
                    + range(e.minutesMin(), e.minutesMax()));
        }
        String surfacesBefore = Surface.words(p.getSurfaces());
        String surfacesAfter = Surface.words(e.surfaces());
        if (!surfacesBefore.equals(surfacesAfter)) {
            parts.add("surfaces " + surfacesBefore + " -> " + surfacesAfter);
        }
        if (!Objects.equals(p.getStepTarget(), e.stepTarget())) {
            parts.add("step target " + steps(p.getStepTarget()) + " -> " + steps(e.stepTarget()));
        }
        if (!Objects.equals(clean(p.getTiming()), clean(e.timing()))) {
            parts.add("timing \"" + clean(p.getTiming()) + "\" -> \"" + clean(e.timing()) + "\"");
        }
        if (!Objects.equals(clean(p.getGuidance()), clean(e.guidance()))) {
            parts.add("guidance \"" + clean(p.getGuidance()) + "\" -> \"" + clean(e.guidance()) + "\"");
        }
        return String.join("; ", parts);
    }

    private static String walks(Integer perDay, Integer perWeek) {
        return perDay != null ? perDay + " a day" : perWeek + " a week";
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : min + "-" + max;
    }

    private static String steps(Integer target) {
        return target == null ? "from baseline" : String.format("%,d", target);
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }
}
