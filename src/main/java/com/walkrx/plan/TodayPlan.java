package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.clinical.Surface;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's "today": the prescription in effect (null without an active plan, before its start, or while it
 * is paused), what is logged so far today, and advice (the safety advice of open flags; a friendly
 * explanation when there is no prescription).
 */
public record TodayPlan(LocalDate date, PlanStatus planStatus, Prescription prescription, int walksLoggedToday,
                        int minutesLoggedToday, List<String> advice) {

    /**
     * Today's walks. {@code walks} is how many walks today (per-week phases: 1, or 0 once the week's walks are
     * done); {@code walksPerWeek} and {@code walksThisWeek} are set for per-week phases only.
     */
    public record Prescription(int phase, int walks, Integer walksPerWeek, Integer walksThisWeek, int minutesMin,
                               int minutesMax, List<Surface> surfaces, Integer stepTarget, String summary,
                               List<String> guidance, List<String> whenToStop) {
    }
}
