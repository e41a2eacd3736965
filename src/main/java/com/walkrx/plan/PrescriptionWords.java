package com.walkrx.plan;

import com.walkrx.base.clinical.Surface;
import java.util.List;

/** A prescription in plain words: "3 walks of 10 minutes, flat ground, ideally before meals". */
final class PrescriptionWords {

    private PrescriptionWords() {
    }

    static String minutes(int min, int max) {
        return min == max ? min + " minutes" : min + "-" + max + " minutes";
    }

    static String walks(int n) {
        return n == 1 ? "1 walk" : n + " walks";
    }

    private static String tail(List<Surface> surfaces, String timing) {
        StringBuilder sb = new StringBuilder();
        String where = Surface.words(surfaces);
        if (!where.isEmpty()) {
            sb.append(", ").append(where);
        }
        if (timing != null && !timing.isBlank()) {
            sb.append(", ").append(timing.trim());
        }
        return sb.toString();
    }

    static String phase(PhaseView p) {
        String count = p.walksPerWeek() != null ? walks(p.walksPerWeek()) + " a week" : walks(p.walksPerDay());
        return count + " of " + minutes(p.minutesMin(), p.minutesMax()) + tail(p.surfaces(), p.timing());
    }

    /** Today's line: per-day phases as {@link #phase}; per-week phases say today's walk and the week so far. */
    static String today(PhaseView p, int walksToday, Integer walksThisWeek) {
        if (p.walksPerWeek() == null) {
            return phase(p);
        }
        if (walksToday == 0) {
            return "Your " + walks(p.walksPerWeek()) + " this week are done: rest, or take an easy stroll if you like";
        }
        return walks(walksToday) + " of " + minutes(p.minutesMin(), p.minutesMax()) + " today"
                + tail(p.surfaces(), p.timing()) + " (" + walksThisWeek + " of " + p.walksPerWeek()
                + " walks done this week)";
    }
}
