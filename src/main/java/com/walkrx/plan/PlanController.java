package com.walkrx.plan;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.clinical.Surface;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plans part of API.md: assign and read a patient's plan; the patient's own "today". */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlanController {

    private final PlanService plans;
    private final TodayPlanService todayPlans;

    /** {@code activate} (default true) false assigns a draft. */
    record AssignRequest(Template template, LocalDate startDate, String overrideReason, Boolean activate) {
    }

    record PhaseJson(int number, int minDays, @JsonInclude(JsonInclude.Include.NON_NULL) Integer walksPerDay,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Integer walksPerWeek, int minutesMin, int minutesMax,
                     List<Surface> surfaces, Integer stepTarget, String stepRule, String timing, String guidance,
                     boolean locked) {

        static PhaseJson of(PhaseView p) {
            return new PhaseJson(p.number(), p.minDays(), p.walksPerDay(), p.walksPerWeek(), p.minutesMin(),
                    p.minutesMax(), p.surfaces(), p.stepTarget(), p.stepRule(), p.timing(), p.guidance(), p.locked());
        }
    }

    record ProposalJson(long id, ProposalKind kind, String reason, int fromPhase, int toPhase) {
    }

    record PlanJson(long id, long patientId, Template template, PlanStatus status, int currentPhase,
                    LocalDate startDate, LocalDate phaseStartedOn, boolean autoAdvance, String overrideReason,
                    long version, List<PhaseJson> phases, ProposalJson proposal, Integer stepBaseline,
                    Double adherence7d) {

        static PlanJson of(PlanView v) {
            ProposalView p = v.proposal();
            return new PlanJson(v.id(), v.patientId(), v.template(), v.status(), v.currentPhase(), v.startDate(),
                    v.phaseStartedOn(), v.autoAdvance(), v.overrideReason(), v.version(),
                    v.phases().stream().map(PhaseJson::of).toList(),
                    p == null ? null : new ProposalJson(p.id(), p.kind(), p.reason(), p.fromPhase(), p.toPhase()),
                    v.stepBaseline(), v.adherence7d());
        }
    }

    record PrescriptionJson(int phase, int walks, @JsonInclude(JsonInclude.Include.NON_NULL) Integer walksPerWeek,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer walksThisWeek, int minutesMin,
                            int minutesMax, List<Surface> surfaces, Integer stepTarget, String summary,
                            List<String> guidance) {
    }

    record TodayJson(LocalDate date, PlanStatus planStatus, PrescriptionJson prescription, int walksLoggedToday,
                     int minutesLoggedToday, List<String> advice) {
    }

    @PostMapping("/patients/{id}/plan")
    ResponseEntity<PlanJson> assign(Caller caller, @PathVariable long id, @RequestBody AssignRequest body) {
        PlanView plan = plans.assign(caller, id, body.template(), body.startDate(),
                body.activate() == null || body.activate(), body.overrideReason());
        return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/plan")).body(PlanJson.of(plan));
    }

    @GetMapping("/patients/{id}/plan")
    PlanJson get(Caller caller, @PathVariable long id) {
        return plans.get(caller, id).map(PlanJson::of).orElseThrow(() -> new NotFoundException("Plan"));
    }

    @GetMapping("/me/today")
    TodayJson today(Caller caller) {
        TodayPlan t = todayPlans.today(caller);
        PrescriptionJson prescription = null;
        if (t.prescription() != null) {
            TodayPlan.Prescription p = t.prescription();
            List<String> guidance = new ArrayList<>(p.guidance());
            guidance.addAll(p.whenToStop());
            prescription = new PrescriptionJson(p.phase(), p.walks(), p.walksPerWeek(), p.walksThisWeek(),
                    p.minutesMin(), p.minutesMax(), p.surfaces(), p.stepTarget(), p.summary(), List.copyOf(guidance));
        }
        return new TodayJson(t.date(), t.planStatus(), prescription, t.walksLoggedToday(), t.minutesLoggedToday(),
                t.advice());
    }
}
