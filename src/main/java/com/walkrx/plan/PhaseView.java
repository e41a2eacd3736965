package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
import java.util.List;

/**
 * One phase of a plan as services hand it out. Exactly one of walksPerDay and walksPerWeek is set.
 * {@code stepTarget} is the daily step target in effect (the clinician's {@code stepTargetFixed} if set,
 * otherwise computed from the patient's baseline), {@code stepRule} says in words how it is set.
 */
public record PhaseView(int number, int minDays, Integer walksPerDay, Integer walksPerWeek, int minutesMin,
                        int minutesMax, List<Surface> surfaces, Integer stepTarget, Integer stepTargetFixed,
                        String stepRule, String timing, String guidance, boolean locked) {

    /** "3 walks of 10 minutes, flat ground, ideally before meals". */
    public String words() {
        return PrescriptionWords.phase(this);
    }
}
