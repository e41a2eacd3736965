package com.walkrx.report;

import static com.walkrx.report.FhirCodes.ref;

import com.walkrx.report.Episode.PhaseInfo;
import com.walkrx.report.Episode.PlanInfo;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Timing;

/** A walking plan as a FHIR CarePlan: one activity per phase, its schedule a Timing, its status the plan's. */
final class FhirCarePlans {

    private FhirCarePlans() {
    }

    static CarePlan carePlan(FhirIds ids, PlanInfo plan) {
        CarePlan cp = new CarePlan();
        cp.setId(ids.of("plan", plan.id()));
        cp.setStatus(switch (plan.status()) {
            case "ACTIVE" -> CarePlan.CarePlanStatus.ACTIVE;
            case "PAUSED" -> CarePlan.CarePlanStatus.ONHOLD;
            case "DRAFT" -> CarePlan.CarePlanStatus.DRAFT;
            default -> CarePlan.CarePlanStatus.COMPLETED;
        });
        cp.setIntent(CarePlan.CarePlanIntent.PLAN);
        cp.setTitle("Walking plan (" + ReportWords.templateLabel(plan.template()) + ")");
        if (plan.pauseReason() != null && plan.status().equals("PAUSED")) {
            cp.addNote(new Annotation().setText("Paused: " + plan.pauseReason()));
        }
        cp.setSubject(ref(ids.patient()));
        Period period = new Period().setStartElement(new DateTimeType(plan.startDate().toString()));
        if (plan.endedOn() != null) {
            period.setEndElement(new DateTimeType(plan.endedOn().toString()));
        }
        cp.setPeriod(period);
        cp.addCareTeam(ref(ids.careTeam()));
        cp.addAddresses(ref(ids.condition()));
        cp.addGoal(ref(ids.goal()));
        for (PhaseInfo phase : plan.phases()) {
            CarePlan.CarePlanActivityDetailComponent d = cp.addActivity().getDetail();
            d.setCode(new CodeableConcept().setText("Walking, phase " + phase.number()));
            d.setStatus(activityStatus(plan, phase));
            Timing timing = new Timing();
            Timing.TimingRepeatComponent repeat = timing.getRepeat();
            if (phase.walksPerDay() != null) {
                repeat.setFrequency(phase.walksPerDay()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
            } else {
                repeat.setFrequency(phase.walksPerWeek()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
            }
            repeat.setDuration(phase.minutesMin()).setDurationUnit(Timing.UnitsOfTime.MIN);
            if (phase.minutesMax() != phase.minutesMin()) {
                repeat.setDurationMax(phase.minutesMax());
            }
            d.setScheduled(timing);
            d.setDescription("Phase " + phase.number() + ": " + phase.summary()
                    + (phase.stepTarget() != null ? ", " + phase.stepTarget() + " steps a day" : "")
                    + "; at least " + phase.minDays() + " days"
                    + (phase.guidance() == null || phase.guidance().isBlank() ? "" : ". " + phase.guidance()));
            d.addGoal(ref(ids.goal()));
        }
        return cp;
    }

    private static CarePlanActivityStatus activityStatus(PlanInfo plan, PhaseInfo phase) {
        boolean ended = plan.status().equals("ENDED");
        if (phase.number() < plan.currentPhase()) {
            return CarePlanActivityStatus.COMPLETED;
        }
        if (phase.number() > plan.currentPhase()) {
            return ended ? CarePlanActivityStatus.CANCELLED : CarePlanActivityStatus.NOTSTARTED;
        }
        return switch (plan.status()) {
            case "ACTIVE" -> CarePlanActivityStatus.INPROGRESS;
            case "PAUSED" -> CarePlanActivityStatus.ONHOLD;
            case "DRAFT" -> CarePlanActivityStatus.NOTSTARTED;
            default -> CarePlanActivityStatus.STOPPED;
        };
    }
}
