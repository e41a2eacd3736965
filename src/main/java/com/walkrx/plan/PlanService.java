package com.walkrx.plan;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.WalkRxPrincipal;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import com.walkrx.plan.PlanOperations.Actor;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walking plans: assign a template, edit any number per phase (optimistic locking: send back the version you
 * read), activate (surgery rule), pause, resume, end, auto-advance, decide proposals, and the history. The
 * patient's own view of their plan is {@link TodayPlanService}. Every method with a patient id checks the care
 * relationship first.
 */
@Service
public class PlanService {

    static final String CONCURRENT_EDIT = "CONCURRENT_EDIT";
    static final String SURGERY_CLEARANCE_MISSING = "SURGERY_CLEARANCE_MISSING";

    private final PlanRepository plans;
    private final PlanProposalRepository proposals;
    private final PlanOperations ops;
    private final Templates templates;
    private final PatientAccess access;
    private final PatientService patients;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    PlanService(PlanRepository plans, PlanProposalRepository proposals, PlanOperations ops, Templates templates,
                PatientAccess access, PatientService patients, AuditService audit,
                CurrentUser currentUser, JdbcClient jdbc) {
        this.plans = plans;
        this.proposals = proposals;
        this.ops = ops;
        this.templates = templates;
        this.access = access;
        this.patients = patients;
        this.audit = audit;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

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
        List<TemplateInfo> result = new ArrayList<>();
        for (Template t : Template.values()) {
            Templates.Assembled a = templates.get(t);
            List<PhaseView> phases = a.phases().stream().map(p -> {
                PlanPhase phase = PlanPhase.from(p, a.lockedUntilClearance());
                return new PhaseView(p.number(), p.minDays(), p.walksPerDay(), p.walksPerWeek(), p.minutesMin(),
                        p.minutesMax(), p.surfaces(), null, null, phase.stepRuleWords(), p.timing(), p.guidance(),
                        a.lockedUntilClearance());
            }).toList();
            result.add(new TemplateInfo(t, a.name(), a.summary(), phases, a.lockedUntilClearance()));
        }
        return result;
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
        unlockIfCleared(plan.get(), patients.get(caller, patientId));
        return Optional.of(ops.view(save(plan.get())));
    }

    /**
     * Why activation needs a surgeon's clearance or an override reason, or empty when it does not: surgery
     * within 12 weeks without clearance, or a post-surgery template without clearance.
     */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<String> clearanceProblem(Caller caller, long patientId, Template template) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PLAN);
        return clearanceProblem(patients.get(caller, patientId), template, ops.today());
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
        LocalDate today = ops.today();
        List<FieldProblem> problems = new ArrayList<>();
        if (template == null) {
            problems.add(new FieldProblem("template", "is required"));
        }
        LocalDate start = startDate == null ? today : startDate;
        if (start.isBefore(today.minusDays(30)) || start.isAfter(today.plusDays(365))) {
            problems.add(new FieldProblem("startDate", "must be between 30 days ago and a year ahead"));
        }
        checkOverride(overrideReason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PatientRecord patient = patients.get(caller, patientId);
        String override = blankToNull(overrideReason);
        Optional<String> problem = clearanceProblem(patient, template, today);
        if (activate && problem.isPresent() && override == null) {
            throw new ConflictException(SURGERY_CLEARANCE_MISSING, problem.get());
        }
        Actor actor = actor(caller);
        Optional<Plan> previous = plans.findLiveForUpdate(patientId);
        if (previous.isPresent()) {
            Plan old = previous.get();
            ops.supersedePending(old, actor);
            old.end(ops.now());
            ops.record(old, actor, "Plan ended: replaced by a new " + ops.templateName(template) + " plan.");
            plans.saveAndFlush(old);
        }
        boolean locked = templates.get(template).lockedUntilClearance() && patient.surgeonClearanceDate() == null;
        Plan plan = ops.newPlan(patient.clinicId(), patientId, template, start, locked, caller.userId());
        plans.save(plan);
        ops.record(plan, actor, "Plan assigned: " + ops.templateName(template) + ", starting " + start
                + (locked ? "; phases locked until the surgeon's clearance is recorded" : "") + ".");
        if (activate) {
            activate(caller, actor, plan, patient, problem, override);
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
        List<FieldProblem> problems = new ArrayList<>();
        checkOverride(overrideReason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Plan plan = live(patientId, expectedVersion);
        if (plan.getStatus() != PlanStatus.DRAFT) {
            throw new ConflictException("PLAN_NOT_DRAFT", "Only a draft plan can be activated; this one is "
                    + plan.getStatus().words() + ".");
        }
        PatientRecord patient = patients.get(caller, patientId);
        Optional<String> problem = clearanceProblem(patient, plan.getTemplate(), ops.today());
        String override = blankToNull(overrideReason);
        if (problem.isPresent() && override == null) {
            throw new ConflictException(SURGERY_CLEARANCE_MISSING, problem.get());
        }
        unlockIfCleared(plan, patient);
        activate(caller, actor(caller), plan, patient, problem, override);
        return ops.view(save(plan));
    }

    private void activate(Caller caller, Actor actor, Plan plan, PatientRecord patient, Optional<String> problem,
                          String override) {
        LocalDate today = ops.today();
        LocalDate phaseStart = plan.getStartDate().isAfter(today) ? plan.getStartDate() : today;
        boolean overriding = problem.isPresent();
        plan.activate(ops.now(), phaseStart, overriding ? override : null);
        if (overriding) {
            plan.current().unlock();
            audit.record(caller, AuditAction.OVERRODE_SURGERY_CLEARANCE, patient.id(), true, override);
            ops.record(plan, actor, "Plan activated without the surgeon's clearance. Override reason: " + override);
        } else {
            ops.record(plan, actor, "Plan activated; phase " + plan.getCurrentPhase() + " from " + phaseStart + ".");
        }
    }

    /** Changes the numbers of one phase, before or after activation. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView editPhase(Caller caller, long patientId, long expectedVersion, int phaseNumber, PhaseEdit edit) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        validate(edit);
        Plan plan = live(patientId, expectedVersion);
        PlanPhase phase = plan.phase(phaseNumber).orElseThrow(() -> new NotFoundException("Phase"));
        String diff = PhaseDiff.describe(phase, edit);
        if (diff.isEmpty()) {
            return ops.view(plan);
        }
        phase.apply(edit);
        ops.record(plan, actor(caller), "Phase " + phaseNumber + ": " + diff + ".");
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
        if (plan.getStatus() != PlanStatus.ACTIVE) {
            throw new ConflictException("PLAN_NOT_ACTIVE", "Only an active plan can be paused.");
        }
        String why = blankToNull(reason);
        plan.pause(why == null ? "Paused by the clinician." : why, null);
        ops.record(plan, actor(caller), "Plan paused" + (why == null ? "." : ": " + why));
        return ops.view(save(plan));
    }

    /** Resumes a paused plan (also one paused by a flag: only a clinician resumes it). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView resume(Caller caller, long patientId, long expectedVersion) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        if (plan.getStatus() != PlanStatus.PAUSED) {
            throw new ConflictException("PLAN_NOT_PAUSED", "Only a paused plan can be resumed.");
        }
        String flag = plan.getPausedForFlag();
        plan.resume();
        ops.record(plan, actor(caller), "Plan resumed" + (flag == null ? "." : " (it was paused for a " + flag + " flag)."));
        return ops.view(save(plan));
    }

    /** Ends the patient's plan. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void end(Caller caller, long patientId, long expectedVersion) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        Actor actor = actor(caller);
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
        ops.record(plan, actor(caller), on ? "Auto-advance switched on." : "Auto-advance switched off.");
        return ops.view(save(plan));
    }

    /** Confirms the pending proposal: moves to its phase, or shortens the walks of the current one. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView confirmProposal(Caller caller, long patientId, long expectedVersion, long proposalId) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        PlanProposal proposal = pendingProposal(plan, proposalId);
        Actor actor = actor(caller);
        LocalDate today = ops.today();
        if (proposal.getKind() == ProposalKind.ADVANCE) {
            PlanPhase target = plan.phase(proposal.getToPhase()).orElseThrow(() -> new NotFoundException("Phase"));
            if (target.isLocked()) {
                throw new ConflictException("PHASE_LOCKED",
                        "Phase " + target.getNumber() + " is locked until the surgeon's clearance is recorded.");
            }
            int from = plan.getCurrentPhase();
            plan.moveToPhase(target.getNumber(), today);
            ops.record(plan, actor, "Advanced from phase " + from + " to phase " + target.getNumber()
                    + " (proposal confirmed).");
        } else {
            Progression.StepBack sb = Progression.stepBack(ops.phaseNumbers(plan), plan.current().rules());
            if (sb.shorterWalks()) {
                PlanPhase current = plan.current();
                String before = PrescriptionWords.minutes(current.getMinutesMin(), current.getMinutesMax());
                current.shortenWalks(sb.minutesMin(), sb.minutesMax());
                ops.record(plan, actor, "Step back confirmed: phase " + current.getNumber() + " walks shortened from "
                        + before + " to " + PrescriptionWords.minutes(sb.minutesMin(), sb.minutesMax()) + ".");
            } else {
                int from = plan.getCurrentPhase();
                plan.moveToPhase(sb.toPhase(), today);
                ops.record(plan, actor, "Step back confirmed: from phase " + from + " to phase " + sb.toPhase() + ".");
            }
        }
        proposal.decide(PlanProposal.Status.CONFIRMED, caller.userId(), ops.now());
        return ops.view(save(plan));
    }

    /** Declines the pending proposal; an advance is not proposed again for a week. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public PlanView declineProposal(Caller caller, long patientId, long expectedVersion, long proposalId) {
        access.require(caller, patientId, Need.CARE, AuditAction.CHANGED_PLAN);
        Plan plan = live(patientId, expectedVersion);
        PlanProposal proposal = pendingProposal(plan, proposalId);
        proposal.decide(PlanProposal.Status.DECLINED, caller.userId(), ops.now());
        ops.record(plan, actor(caller), (proposal.getKind() == ProposalKind.ADVANCE
                ? "Declined advancing to phase " + proposal.getToPhase()
                : "Declined the step back") + ".");
        return ops.view(save(plan));
    }

    /** The history of all the patient's plans, newest first, one page at a time. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<PlanChangeView> history(Caller caller, long patientId, int offset, int limit) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_PLAN);
        return jdbc.sql("""
                        select c.id, c.plan_id, c.changed_at, c.changed_by_name, c.summary
                        from plan_change c join plan p on p.id = c.plan_id
                        where p.patient_id = :patient
                        order by c.changed_at desc, c.id desc offset :offset limit :limit""")
                .param("patient", patientId).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new PlanChangeView(rs.getLong("id"), rs.getLong("plan_id"),
                        rs.getObject("changed_at", Timestamp.class).toInstant(),
                        Objects.requireNonNullElse(rs.getString("changed_by_name"), PlanChange.SYSTEM),
                        rs.getString("summary")))
                .list();
    }

    // ---- helpers

    private Plan live(long patientId, long expectedVersion) {
        Plan plan = plans.findLive(patientId).orElseThrow(() -> new NotFoundException("Plan"));
        if (plan.getVersion() != expectedVersion) {
            throw concurrentEdit(latestChange(plan));
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

    private String latestChange(Plan plan) {
        return jdbc.sql("""
                        select coalesce(changed_by_name, :system) || ': ' || summary from plan_change
                        where plan_id = :plan order by changed_at desc, id desc limit 1""")
                .param("system", PlanChange.SYSTEM).param("plan", plan.getId())
                .query(String.class).optional().orElse(null);
    }

    private PlanProposal pendingProposal(Plan plan, long proposalId) {
        PlanProposal proposal = proposals.findById(proposalId)
                .filter(p -> p.getPlanId() == plan.getId())
                .orElseThrow(() -> new NotFoundException("Proposal"));
        if (proposal.getStatus() != PlanProposal.Status.PENDING) {
            throw new ConflictException("PROPOSAL_DECIDED", "This proposal was already "
                    + proposal.getStatus().name().toLowerCase() + ".");
        }
        return proposal;
    }

    private void unlockIfCleared(Plan plan, PatientRecord patient) {
        if (patient.surgeonClearanceDate() == null || plan.getPhases().stream().noneMatch(PlanPhase::isLocked)) {
            return;
        }
        plan.getPhases().forEach(PlanPhase::unlock);
        ops.record(plan, Actor.SYSTEM, "Phases unlocked: the surgeon's clearance of "
                + patient.surgeonClearanceDate() + " is on record"
                + (patient.surgeonClearanceLimits() == null || patient.surgeonClearanceLimits().isBlank() ? "."
                : " (limits: " + patient.surgeonClearanceLimits() + "). Copy the limits into the phase guidance."));
    }

    static Optional<String> clearanceProblem(PatientRecord patient, Template template, LocalDate today) {
        if (patient.clearanceMissingOn(today)) {
            return Optional.of("Surgery on " + patient.surgeryDate() + " was within the last 12 weeks and no surgeon's "
                    + "clearance is on record, so the plan cannot be activated. Record the clearance (date and "
                    + "limits), or write the reason for activating without it.");
        }
        if (template == Template.POST_SURGERY && patient.surgeonClearanceDate() == null) {
            return Optional.of("The post-surgery plan's phases are locked until the surgeon's clearance is on "
                    + "record. Record the clearance (date and limits), or write the reason for activating without it.");
        }
        return Optional.empty();
    }

    private Actor actor(Caller caller) {
        String name = currentUser.principal().filter(p -> p.userId() == caller.userId())
                .map(WalkRxPrincipal::displayName).orElse(caller.username());
        return new Actor(caller.userId(), name);
    }

    private static void checkOverride(String overrideReason, List<FieldProblem> problems) {
        if (overrideReason != null && overrideReason.length() > 2000) {
            problems.add(new FieldProblem("overrideReason", "must be at most 2000 characters"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static void validate(PhaseEdit e) {
        List<FieldProblem> problems = new ArrayList<>();
        if (e == null) {
            throw new InvalidInputException("body", "is required");
        }
        if (e.minDays() < 1 || e.minDays() > 365) {
            problems.add(new FieldProblem("minDays", "must be between 1 and 365"));
        }
        if ((e.walksPerDay() == null) == (e.walksPerWeek() == null)) {
            problems.add(new FieldProblem("walksPerDay", "give either walks per day or walks per week"));
        } else if (e.walksPerDay() != null && (e.walksPerDay() < 1 || e.walksPerDay() > 10)) {
            problems.add(new FieldProblem("walksPerDay", "must be between 1 and 10"));
        } else if (e.walksPerWeek() != null && (e.walksPerWeek() < 1 || e.walksPerWeek() > 70)) {
            problems.add(new FieldProblem("walksPerWeek", "must be between 1 and 70"));
        }
        if (e.minutesMin() < 1 || e.minutesMin() > 300) {
            problems.add(new FieldProblem("minutesMin", "must be between 1 and 300"));
        }
        if (e.minutesMax() < 1 || e.minutesMax() > 300) {
            problems.add(new FieldProblem("minutesMax", "must be between 1 and 300"));
        } else if (e.minutesMax() < e.minutesMin()) {
            problems.add(new FieldProblem("minutesMax", "must be at least the minimum minutes"));
        }
        if (e.surfaces() == null || e.surfaces().isEmpty()) {
            problems.add(new FieldProblem("surfaces", "choose at least one surface"));
        }
        if (e.stepTarget() != null && (e.stepTarget() < 0 || e.stepTarget() > 100_000)) {
            problems.add(new FieldProblem("stepTarget", "must be between 0 and 100000"));
        }
        if (e.timing() != null && e.timing().length() > 200) {
            problems.add(new FieldProblem("timing", "must be at most 200 characters"));
        }
        if (e.guidance() != null && e.guidance().length() > 2000) {
            problems.add(new FieldProblem("guidance", "must be at most 2000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
