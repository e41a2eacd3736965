package com.walkrx.dashboard;

import com.walkrx.dashboard.PatientChart.Phase;
import com.walkrx.dashboard.PatientChart.PlanView;
import java.time.LocalDate;
import java.util.List;

/**
 * Which phase a plan prescribed on a given day. The schema keeps when the current phase started, not the
 * history of earlier phases: days before it are read as the earlier phases following one another from the
 * plan's start, each for its minimum length (the last earlier phase fills any gap).
 */
final class PrescriptionTimeline {

    private PrescriptionTimeline() {
    }

    static Phase phaseOn(PlanView plan, LocalDate date) {
        List<Phase> phases = plan.phases();
        if (phases.isEmpty() || date.isBefore(plan.startDate())
                || (plan.endedOn() != null && date.isAfter(plan.endedOn()))) {
            return null;
        }
        Phase current = plan.current();
        if (current == null) {
            return null;
        }
        LocalDate currentSince = plan.phaseStartedOn() != null ? plan.phaseStartedOn() : plan.startDate();
        if (!date.isBefore(currentSince)) {
            return current;
        }
        List<Phase> earlier = phases.stream().filter(p -> p.number() < current.number()).toList();
        if (earlier.isEmpty()) {
            return current;
        }
        LocalDate phaseStart = plan.startDate();
        for (Phase p : earlier) {
            LocalDate next = phaseStart.plusDays(p.minDays());
            if (date.isBefore(next)) {
                return p;
            }
            phaseStart = next;
        }
        return earlier.getLast();
    }
}
