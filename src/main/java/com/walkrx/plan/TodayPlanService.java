package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.audit.AuditAction;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patient's own view of their plan: today's prescription, what they have logged so far, and advice. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TodayPlanService {

    private final PlanRepository plans;
    private final PlanOperations ops;
    private final Templates templates;
    private final PlanFacts facts;
    private final PatientAccess access;
    private final GuidanceViews guidanceViews;

    /** The calling patient's "today": prescription, what is logged so far, advice. */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional(readOnly = true)
    public TodayPlan today(Caller caller) {
        if (caller.patientId() == null) {
            throw new NotFoundException("Patient");
        }
        long patientId = caller.patientId();
        access.require(caller, patientId, Need.SELF, AuditAction.VIEWED_PLAN);
        LocalDate today = ops.today(caller.clinicId());
        PlanFacts.Logged logged = facts.logged(patientId, today, today);
        List<String> advice = new ArrayList<>(ops.openAdvice(patientId));
        Optional<Plan> found = plans.findLive(patientId).filter(p -> p.getStatus() != PlanStatus.DRAFT);
        if (found.isEmpty()) {
            advice.add("Your therapist has not set up a walking plan for you yet. Once they do, today's walks will "
                    + "appear here.");
            return new TodayPlan(today, null, null, logged.walks(), logged.minutes(), List.copyOf(advice));
        }
        Plan plan = found.get();
        if (plan.getStatus() == PlanStatus.PAUSED) {
            if (advice.isEmpty()) {
                advice.add(plan.getPausedForFlag() != null
                        ? "Your plan is paused for your safety. Your therapist will tell you when to start walking again."
                        : "Your therapist has paused your plan. They will tell you when to start walking again.");
            }
            return new TodayPlan(today, plan.getStatus(), null, logged.walks(), logged.minutes(), List.copyOf(advice));
        }
        if (plan.getPhaseStartedOn() != null && plan.getPhaseStartedOn().isAfter(today)) {
            advice.add("Your walking plan starts on " + plan.getPhaseStartedOn() + ".");
            return new TodayPlan(today, plan.getStatus(), null, logged.walks(), logged.minutes(), List.copyOf(advice));
        }
        PlanView view = ops.view(plan);
        PhaseView phase = view.current();
        int walks;
        Integer walksThisWeek = null;
        if (phase.walksPerWeek() != null) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int before = monday.isBefore(today) ? facts.logged(patientId, monday, today.minusDays(1)).walks() : 0;
            walksThisWeek = before + logged.walks();
            walks = before >= phase.walksPerWeek() ? 0 : 1;
        } else {
            walks = phase.walksPerDay();
        }
        List<String> guidance = new ArrayList<>();
        if (phase.guidance() != null && !phase.guidance().isBlank()) {
            guidance.add(phase.guidance());
        }
        guidance.addAll(templates.guidance());
        TodayPlan.Prescription prescription = new TodayPlan.Prescription(phase.number(), walks, phase.walksPerWeek(),
                walksThisWeek, phase.minutesMin(), phase.minutesMax(), phase.surfaces(), phase.stepTarget(),
                PrescriptionWords.today(phase, walks, walksThisWeek), List.copyOf(guidance), templates.whenToStop());
        return new TodayPlan(today, plan.getStatus(), prescription, logged.walks(), logged.minutes(),
                List.copyOf(advice));
    }

    /**
     * Records that the calling patient is shown this prescription's guidance and when-to-stop advice; true when
     * they see that text for the first time (it is then shown open, later collapsed).
     */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    public boolean firstGuidanceView(Caller caller, TodayPlan.Prescription prescription) {
        if (caller.patientId() == null) {
            throw new NotFoundException("Patient");
        }
        List<String> text = new ArrayList<>(prescription.guidance());
        text.addAll(prescription.whenToStop());
        return guidanceViews.firstView(caller.patientId(), caller.clinicId(), text, ops.now());
    }
}
