package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
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
}
