package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.time.ClinicZones;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.hibernate.StaleStateException;
import org.springframework.stereotype.Component;

/**
 * What every path that changes a plan shares, whoever the actor: building a plan from a template, writing
 * the history, proposals and step backs, and the facts progression reads. Access checks happen before this.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlanOperations {

    /** Who changes a plan: a user, or the system (userId and name null). */
    record Actor(Long userId, String name) {

        static final Actor SYSTEM = new Actor(null, null);

        static Actor of(com.walkrx.base.security.Caller caller) {
            return new Actor(caller.userId(), caller.displayName());
        }

        boolean system() {
            return userId == null && name == null;
        }
    }

    private final PlanRepository plans;
    private final PlanProposalRepository proposals;
    private final PlanChangeRepository changes;
    private final Templates templates;
    private final PlanFacts facts;
    private final AuditService audit;
    private final SafetyStatus safety;
    private final Clock clock;
    private final ClinicZones zones;
    private final EntityManager entityManager;

    Instant now() {
        return clock.instant();
    }

    java.time.ZoneId zone() {
        return clock.getZone();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The clinic's time zone: activation days, decision days and "today" of its plans are dated in it. */
    java.time.ZoneId zone(long clinicId) {
        return zones.zone(clinicId);
    }

    /** Today in the clinic's time zone. */
    LocalDate today(long clinicId) {
        return zones.today(clinicId, clock);
    }

    /** A DRAFT plan with the template's phases; post-surgery phases locked when {@code locked}. */
    Plan newPlan(long clinicId, long patientId, Template template, LocalDate startDate, boolean locked,
                 Long createdBy) {
        Templates.Assembled t = templates.get(template);
        Plan plan = new Plan(clinicId, patientId, template, startDate, t.phases().getFirst().number(), createdBy,
                now());
        for (Templates.PhaseSpec spec : t.phases()) {
            plan.addPhase(PlanPhase.from(spec, locked));
        }
        return plan;
    }

    String templateName(Template template) {
        return templates.get(template).name();
    }

    /**
     * Writes one history entry and moves the plan's version at once (so a clinician holding the old version
     * gets a conflict, even for a change that touches only a phase or a proposal); system changes are audited
     * here too. A concurrent change committed meanwhile makes this fail with CONCURRENT_EDIT.
     */
    void record(Plan plan, Actor actor, String summary) {
        Instant now = now();
        plan.touch(now);
        if (plan.isFresh()) {
            if (plan.getId() == null) {
                plans.save(plan);
            }
        } else {
            try {
                entityManager.lock(plan, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            } catch (OptimisticLockException | StaleStateException e) {
                throw PlanService.concurrentEdit(null);
            }
        }
        changes.save(new PlanChange(plan.getId(), actor.userId(), actor.name(), now, summary));
        if (actor.system()) {
            audit.recordAnonymous(plan.getClinicId(), null, "system", AuditAction.CHANGED_PLAN, true,
                    "plan " + plan.getId() + ", patient " + plan.getPatientId() + ": " + summary, null);
        }
    }

    Optional<PlanProposal> pending(Plan plan) {
        return plan.getId() == null ? Optional.empty()
                : proposals.findFirstByPlanIdAndStatus(plan.getId(), PlanProposal.Status.PENDING);
    }

    /** Supersedes the pending proposal, if any (flushed, so a new pending one may follow in this transaction). */
    void supersedePending(Plan plan, Actor actor) {
        pending(plan).ifPresent(p -> {
            p.decide(PlanProposal.Status.SUPERSEDED, actor.userId(), now());
            proposals.saveAndFlush(p);
        });
    }

    /** Proposes a step back unless one is already waiting; a waiting advance is superseded. */
    void proposeStepBack(Plan plan, String reason, Actor actor) {
        Optional<PlanProposal> waiting = pending(plan);
        if (waiting.isPresent() && waiting.get().getKind() == ProposalKind.STEP_BACK) {
            return;
        }
        supersedePending(plan, actor);
        Progression.StepBack sb = Progression.stepBack(phaseNumbers(plan), plan.current().rules());
        String text = (reason == null || reason.isBlank() ? "A flag was raised." : reason.trim())
                + " Proposed: " + sb.words() + ".";
        proposals.save(new PlanProposal(plan.getId(), ProposalKind.STEP_BACK, text, sb.fromPhase(), sb.toPhase(),
                now()));
        record(plan, actor, "Step back proposed (" + sb.words() + "): " + text);
    }

    List<Integer> phaseNumbers(Plan plan) {
        return plan.getPhases().stream().map(PlanPhase::getNumber).toList();
    }

    boolean urgentOrHighOpen(long patientId) {
        return safety.hasOpenUrgentOrHigh(patientId);
    }

    List<String> openAdvice(long patientId) {
        return safety.openAdvice(patientId);
    }

    int daysInPhase(Plan plan, LocalDate today) {
        return plan.getPhaseStartedOn() == null ? 0
                : (int) Math.max(0, ChronoUnit.DAYS.between(plan.getPhaseStartedOn(), today));
    }

    Double adherence(Plan plan, LocalDate today) {
        LocalDate activation = plan.activationDate(zone(plan.getClinicId()));
        if (activation == null) {
            return null;
        }
        Map<LocalDate, Integer> minutes = facts.minutesByDay(plan.getPatientId(), today.minusDays(Progression.WINDOW_DAYS),
                today.minusDays(1));
        return Progression.adherence(today, activation, plan.current().rules(), minutes);
    }

    Integer stepBaseline(Plan plan) {
        LocalDate since = plan.activationDate(zone(plan.getClinicId()));
        if (since == null) {
            return null;
        }
        return Progression.stepBaseline(facts.firstDailySteps(plan.getPatientId(), since, Progression.BASELINE_DAYS));
    }

    /** The step target of {@code phase}: for the current phase as of today, for the others as at their start. */
    Integer stepTarget(Plan plan, PlanPhase phase, Integer baseline, LocalDate today) {
        int days = phase.getNumber() == plan.getCurrentPhase() ? daysInPhase(plan, today) : 0;
        return Progression.stepTarget(phase.getStepTarget(), phase.getStepBoost(), phase.getStepWeeklyRise(),
                phase.getStepCap(), baseline, days);
    }

    /** Everything progression needs about the plan's patient today. */
    Progression.Facts facts(Plan plan, LocalDate today) {
        long patientId = plan.getPatientId();
        PlanPhase current = plan.current();
        Map<LocalDate, Integer> pain = facts.dailyPain(patientId, today.minusDays(14), today.minusDays(1));
        Double last7 = Progression.mean(pain, today.minusDays(7), today.minusDays(1));
        Double previous7 = Progression.mean(pain, today.minusDays(14), today.minusDays(8));
        Progression.Phase rules = current.rules();
        List<Integer> recent = rules.painGateCheckIns() == null || plan.getPhaseStartedOn() == null ? List.of()
                : facts.recentPains(patientId, plan.getPhaseStartedOn(), rules.painGateCheckIns());
        ProposalKind pending = pending(plan).map(PlanProposal::getKind).orElse(null);
        Integer declinedDaysAgo = plan.getId() == null ? null
                : proposals.findFirstByPlanIdAndKindAndStatusAndFromPhaseOrderByDecidedAtDesc(plan.getId(),
                                ProposalKind.ADVANCE, PlanProposal.Status.DECLINED, plan.getCurrentPhase())
                        .filter(p -> p.getDecidedAt() != null)
                        .map(p -> (int) ChronoUnit.DAYS.between(p.getDecidedAt().atZone(zone(plan.getClinicId())).toLocalDate(),
                                today))
                        .orElse(null);
        return new Progression.Facts(daysInPhase(plan, today), adherence(plan, today), urgentOrHighOpen(patientId),
                last7, previous7, recent, pending, declinedDaysAgo);
    }

    /** The progression decision for an active plan today. */
    Progression.Decision decide(Plan plan, LocalDate today) {
        Progression.Phase next = plan.next().map(PlanPhase::rules).orElse(null);
        return Progression.advance(plan.current().rules(), next, facts(plan, today), plan.isAutoAdvance());
    }

    /** The plan as services hand it out. */
    PlanView view(Plan plan) {
        LocalDate today = today(plan.getClinicId());
        Integer baseline = stepBaseline(plan);
        List<PhaseView> phases = new ArrayList<>();
        for (PlanPhase p : plan.getPhases()) {
            phases.add(new PhaseView(p.getNumber(), p.getMinDays(), p.getWalksPerDay(), p.getWalksPerWeek(),
                    p.getMinutesMin(), p.getMinutesMax(), p.getSurfaces(), stepTarget(plan, p, baseline, today),
                    p.getStepTarget(), p.stepRuleWords(), p.getTiming(), p.getGuidance(), p.isLocked()));
        }
        List<String> nextPhase = switch (plan.getStatus()) {
            case ACTIVE -> decide(plan, today).unmet();
            case PAUSED -> List.of("The plan is paused.");
            case DRAFT -> List.of("The plan is not active yet.");
            case ENDED -> List.of("The plan has ended.");
        };
        Double adherence = plan.getStatus() == PlanStatus.DRAFT ? null : adherence(plan, today);
        return new PlanView(plan.getId(), plan.getPatientId(), plan.getTemplate(), templateName(plan.getTemplate()),
                plan.getStatus(), plan.getCurrentPhase(), plan.getStartDate(), plan.getPhaseStartedOn(),
                plan.isAutoAdvance(), plan.getOverrideReason(), plan.getPauseReason(), plan.getPausedForFlag(),
                plan.getVersion(), List.copyOf(phases), pending(plan).map(PlanProposal::view).orElse(null), baseline,
                adherence, nextPhase);
    }
}
