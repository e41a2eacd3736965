package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.plan.PlanOperations.Actor;
import java.time.LocalDate;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan module's side of {@link PlanControl}: what the flag module does to a plan without a clinician.
 * Runs inside the caller's transaction (the check-in's), and locks the plan row so a clinician's concurrent
 * edit is serialised with it instead of failing the check-in.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlanSafetyActions implements PlanControl {

    private final PlanRepository plans;
    private final PlanOperations ops;
    private final JdbcClient jdbc;

    /** One plain SQL statement (it runs inside every check-in's transaction): no entity is loaded. */
    @Override
    public Optional<PlanState> livePlan(long patientId) {
        return jdbc.sql("""
                        select id, status, template, current_phase, start_date, override_reason is not null as overridden
                        from plan where patient_id = :patient and status <> 'ENDED'
                        """)
                .param("patient", patientId)
                .query((rs, n) -> new PlanState(rs.getLong("id"), PlanStatus.valueOf(rs.getString("status")),
                        Template.valueOf(rs.getString("template")), rs.getInt("current_phase"),
                        rs.getObject("start_date", LocalDate.class), rs.getBoolean("overridden")))
                .optional();
    }

    @Override
    @Transactional
    public boolean pauseForFlag(long patientId, String flagCode, String reason) {
        Optional<Plan> found = plans.findLiveForUpdate(patientId);
        if (found.isEmpty()) {
            return false;
        }
        Plan plan = found.get();
        if (plan.getStatus() == PlanStatus.PAUSED) {
            return true;
        }
        if (plan.getStatus() != PlanStatus.ACTIVE) {
            return false;
        }
        String why = reason == null || reason.isBlank() ? "A " + flagCode + " flag was raised." : reason.trim();
        plan.pause(why, flagCode);
        ops.record(plan, Actor.SYSTEM, "Plan paused because a " + flagCode + " flag was raised: " + why);
        plans.save(plan);
        return true;
    }

    @Override
    @Transactional
    public void proposeStepBack(long patientId, String reason) {
        plans.findLiveForUpdate(patientId)
                .filter(p -> p.getStatus() == PlanStatus.ACTIVE || p.getStatus() == PlanStatus.PAUSED)
                .ifPresent(plan -> {
                    ops.proposeStepBack(plan, reason, Actor.SYSTEM);
                    plans.save(plan);
                });
    }
}
