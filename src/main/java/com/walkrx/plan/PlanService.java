package com.walkrx.plan;

import com.walkrx.audit.AuditAction;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import com.walkrx.plan.PlanOperations.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walking plans: assign a template, edit any number per phase (optimistic locking: send back the version you
 * read), activate (surgery rule), pause, resume, end, auto-advance, decide proposals, and the history. The
 * patient's own view of their plan is {@link TodayPlanService}. Every method reads: require the care
 * relationship, load, act (the {@link Plan} aggregate refuses illegal transitions itself), record, save.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PlanService {

    static final String CONCURRENT_EDIT = "CONCURRENT_EDIT";
    static final String SURGERY_CLEARANCE_MISSING = "SURGERY_CLEARANCE_MISSING";

    private final PlanRepository plans;
    private final PlanOperations ops;
    private final Templates templates;
    private final PatientAccess access;
    private final PatientService patients;
    private final PlanActivation activation;
    private final SurgeryClearance clearance;
    private final ProposalDecisions proposals;
    private final PlanHistory history;

    /** Today in the clinic's time zone (the date a new plan starts by default). */
    public LocalDate today() {
        return ops.today();
    }

    /** The time zone of "today" and of the history's times. */
    public java.time.ZoneId zone() {
        return ops.zone();
    }

    /** The three templates with their phases, as a clinician picks one. */
    public List<TemplateInfo> templates() {
        return templates.infos();
    }

    /**
     * The patient's live plan (draft, active or paused), if any. Phases locked for want of a surgeon's clearance
     * are unlocked here once the clearance is on record.
     */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional
    public Optional<PlanView> get(Caller caller, long patientId) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PLAN);
        Optional<Plan> plan = plans.findLive(patientId);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        clearance.unlockIfCleared(plan.get(), patients.get(caller, patientId));
        return Optional.of(ops.view(save(plan.get())));
    }

    /** Why activation needs a surgeon's clearance or an override reason ({@link SurgeryClearance}), if it does. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<String> clearanceProblem(Caller caller, long patientId, Template template) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PLAN);
        PatientRecord patient = patients.get(caller, patientId);
        return SurgeryClearance.problem(patient, template, ops.today(patient.clinicId()));
    }

    /**
     * Assigns a template, as a draft or activated at once; a live plan the patient had is ended. Activation
     * without a needed clearance and without an override reason is refused (SURGERY_CLEARANCE_MISSING) and
     * nothing is stored.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView assign(Caller caller, long patientId, Template template, LocalDate startDate, boolean activate,
                           String overrideReason) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        LocalDate today = ops.today(caller.clinicId());
        List<FieldProblem> problems = new ArrayList<>();
        if (template == null) {
            problems.add(new FieldProblem("template", "is required"));
        }
        LocalDate start = startDate == null ? today : startDate;
        if (start.isBefore(today.minusDays(30)) || start.isAfter(today.plusDays(365))) {
            problems.add(new FieldProblem("startDate", "must be between 30 days ago and a year ahead"));
        }
        checkOverride(overrideReason, problems);
        PatientRecord patient = patients.get(caller, patientId);
        String override = blankToNull(overrideReason);
        Optional<String> problem = SurgeryClearance.problem(patient, template, today);
        if (activate && problem.isPresent() && override == null) {
            throw new ConflictException(SURGERY_CLEARANCE_MISSING, problem.get());
        }
        Actor actor = Actor.of(caller);
        activation.endReplaced(patientId, template, actor);
        boolean locked = templates.get(template).lockedUntilClearance() && patient.surgeonClearanceDate() == null;
        Plan plan = ops.newPlan(patient.clinicId(), patientId, template, start, locked, caller.userId());
        plans.save(plan);
        ops.record(plan, actor, "Plan assigned: " + ops.templateName(template) + ", starting " + start
                + (locked ? "; phases locked until the surgeon's clearance is recorded" : "") + ".");
        if (activate) {
            activation.activate(caller, plan, patient, problem, override);
        }
        try {
            return ops.view(plans.saveAndFlush(plan));
        } catch (DataIntegrityViolationException e) {
            // plan_one_live_per_patient: another clinician assigned a plan at the same moment.
            throw new ConflictException(CONCURRENT_EDIT,
                    "Another plan was assigned to this patient at the same time. Reload the plan.");
        }
    }

    /** Activates the patient's draft plan; the surgery rule applies as in {@link #assign}. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView activate(Caller caller, long patientId, long expectedVersion, String overrideReason) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        checkOverride(overrideReason, new ArrayList<>());
        Plan plan = live(patientId, expectedVersion);
        plan.checkActivatable();
        PatientRecord patient = patients.get(caller, patientId);
        Optional<String> problem = SurgeryClearance.problem(patient, plan.getTemplate(), ops.today(plan.getClinicId()));
        String override = blankToNull(overrideReason);
        if (problem.isPresent() && override == null) {
            throw new ConflictException(SURGERY_CLEARANCE_MISSING, problem.get());
        }
        clearance.unlockIfCleared(plan, patient);
        activation.activate(caller, plan, patient, problem, override);
        return ops.view(save(plan));
    }

    /** Changes the numbers of one phase, before or after activation. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView editPhase(Caller caller, long patientId, long expectedVersion, int phaseNumber, PhaseEdit edit) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        PhaseEdit.check(edit);
        Plan plan = live(patientId, expectedVersion);
        PlanPhase phase = plan.phase(phaseNumber).orElseThrow(() -> new NotFoundException("Phase"));
        String diff = PhaseDiff.describe(phase, edit);
        if (diff.isEmpty()) {
            return ops.view(plan);
        }
        phase.apply(edit);
        ops.record(plan, Actor.of(caller), "Phase " + phaseNumber + ": " + diff + ".");
        return ops.view(save(plan));
    }

    /** Pauses the active plan (a clinician's pause; flags pause through {@link PlanControl}). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView pause(Caller caller, long patientId, long expectedVersion, String reason) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        if (reason != null && reason.length() > 2000) {
            throw new InvalidInputException("reason", "must be at most 2000 characters");
        }
        Plan plan = live(patientId, expectedVersion);
        String why = blankToNull(reason);
        plan.pause(why == null ? "Paused by the clinician." : why, null);
        ops.record(plan, Actor.of(caller), "Plan paused" + (why == null ? "." : ": " + why));
        return ops.view(save(plan));
    }

    /** Resumes a paused plan (also one paused by a flag: only a clinician resumes it). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView resume(Caller caller, long patientId, long expectedVersion) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        String flag = plan.getPausedForFlag();
        plan.resume();
        ops.record(plan, Actor.of(caller), "Plan resumed" + (flag == null ? "." : " (it was paused for a " + flag + " flag)."));
        return ops.view(save(plan));
    }

    /** Ends the patient's plan. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void end(Caller caller, long patientId, long expectedVersion) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        Actor actor = Actor.of(caller);
        ops.supersedePending(plan, actor);
        plan.end(ops.now());
        ops.record(plan, actor, "Plan ended.");
        save(plan);
    }

    /** Switches auto-advance: the plan moves on without asking when the progression rules hold. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView setAutoAdvance(Caller caller, long patientId, long expectedVersion, boolean on) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        if (plan.isAutoAdvance() == on) {
            return ops.view(plan);
        }
        plan.setAutoAdvance(on);
        ops.record(plan, Actor.of(caller), on ? "Auto-advance switched on." : "Auto-advance switched off.");
        return ops.view(save(plan));
    }

    /** Confirms the pending proposal: moves to its phase, or shortens the walks of the current one. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView confirmProposal(Caller caller, long patientId, long expectedVersion, long proposalId) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        proposals.confirm(plan, proposals.pending(plan, proposalId), Actor.of(caller));
        return ops.view(save(plan));
    }

    /** Declines the pending proposal; an advance is not proposed again for a week. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView declineProposal(Caller caller, long patientId, long expectedVersion, long proposalId) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        proposals.decline(plan, proposals.pending(plan, proposalId), Actor.of(caller));
        return ops.view(save(plan));
    }

    /** The history of all the patient's plans, newest first, one page at a time. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<PlanChangeView> history(Caller caller, long patientId, int offset, int limit) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PLAN);
        return history.ofPatient(patientId, offset, limit);
    }

    private Plan live(long patientId, long expectedVersion) {
        Plan plan = plans.findLive(patientId).orElseThrow(() -> new NotFoundException("Plan"));
        if (plan.getVersion() != expectedVersion) {
            throw concurrentEdit(history.latest(plan));
        }
        return plan;
    }

    private Plan save(Plan plan) {
        try {
            return plans.saveAndFlush(plan);
        } catch (OptimisticLockingFailureException e) {
            throw concurrentEdit(null);
        }
    }

    static ConflictException concurrentEdit(String latest) {
        return new ConflictException(CONCURRENT_EDIT, "Someone else changed this plan meanwhile"
                + (latest == null ? "" : " (" + latest + ")")
                + ". Your change was not saved: reload the plan and apply it again.");
    }

    /** Adds the override reason's problem, if any, and throws when there are problems. */
    private static void checkOverride(String overrideReason, List<FieldProblem> problems) {
        if (overrideReason != null && overrideReason.length() > 2000) {
            problems.add(new FieldProblem("overrideReason", "must be at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
