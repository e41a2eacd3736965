package com.walkrx.plan;

import com.walkrx.demo.DemoPatient;
import com.walkrx.demo.DemoPlanAssigner;
import com.walkrx.plan.PlanOperations.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every seeded demo patient the plan of their profile's template, active since their plan start, in
 * the phase the days elapsed lead to (so it matches the seeded walks). Runs before the flag module's part.
 */
@Component
@Order(1)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoPlans implements DemoPlanAssigner {

    /** The demo history keeps acute patients in phase 0 for a week (DemoHistory), longer than its 5-day minimum. */
    static final int DEMO_ACUTE_PHASE_0_DAYS = 7;

    private final PlanRepository plans;
    private final PlanOperations ops;
    private final Clock clock;

    @Override
    public void assignPlans(List<DemoPatient> patients, LocalDate today) {
        for (DemoPatient demo : patients) {
            Template template = Template.valueOf(demo.profile().template());
            boolean locked = template == Template.POST_SURGERY && !demo.profile().cleared();
            Plan plan = ops.newPlan(demo.clinicId(), demo.patientId(), template, demo.planStart(), locked,
                    demo.clinicianId());
            long elapsed = ChronoUnit.DAYS.between(demo.planStart(), today);
            LocalDate phaseStart = demo.planStart();
            int phase = plan.getPhases().getFirst().getNumber();
            List<PlanPhase> phases = plan.getPhases();
            for (int i = 0; i < phases.size() - 1; i++) {
                PlanPhase p = phases.get(i);
                int length = template == Template.ACUTE && p.getNumber() == 0 ? DEMO_ACUTE_PHASE_0_DAYS : p.getMinDays();
                LocalDate end = phaseStart.plusDays(length);
                if (ChronoUnit.DAYS.between(demo.planStart(), end) > elapsed) {
                    break;
                }
                phaseStart = end;
                phase = phases.get(i + 1).getNumber();
            }
            plan.activateAsOf(demo.planStart().atStartOfDay(clock.getZone()).toInstant(), phase, phaseStart);
            plans.save(plan);
            ops.record(plan, new Actor(demo.clinicianId(), "Demo data"), "Plan assigned and activated: "
                    + ops.templateName(template) + " from " + demo.planStart() + "; now in phase " + phase + " since "
                    + phaseStart + ".");
        }
        plans.flush();
    }
}
