package com.walkrx.report;

import static com.walkrx.report.FhirCodes.ref;
import static com.walkrx.report.FhirCodes.uuid;

import com.walkrx.patient.Condition;
import com.walkrx.report.Episode.Evidence;
import com.walkrx.report.Episode.FlagInfo;
import com.walkrx.report.Episode.PhaseInfo;
import com.walkrx.report.Episode.PlanInfo;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;

/**
 * The FHIR resources of an episode whose number does not grow with the history: Patient, Organization, the care
 * team's Practitioners and CareTeam, Condition, EpisodeOfCare, Goal, a CarePlan per plan (one activity per phase),
 * and a Flag with its DetectedIssue per see-a-doctor flag. Observations come from {@link FhirObservations}.
 */
final class FhirEpisode {

    private final Episode episode;
    private final PainCourse pain;
    private final long clinic;

    FhirEpisode(Episode episode, PainCourse pain) {
        this.episode = episode;
        this.pain = pain;
        this.clinic = episode.clinicId();
    }

    String patientId() {
        return uuid(clinic, "patient", episode.patient().id());
    }

    private String organizationId() {
        return uuid(clinic, "clinic", clinic);
    }

    private String careTeamId() {
        return uuid(clinic, "care-team", episode.patient().id());
    }

    private String conditionId() {
        return uuid(clinic, "condition", episode.patient().id());
    }

    private String goalId() {
        return uuid(clinic, "goal", episode.patient().id());
    }

    /** Every resource, with the id each one's fullUrl uses. */
    List<Resource> resources() {
        List<Resource> out = new ArrayList<>();
        out.add(patient());
        out.add(organization());
        episode.careTeam().forEach(c -> out.add(practitioner(c)));
        out.add(careTeam());
        out.add(condition());
        out.add(episodeOfCare());
        out.add(goal());
        episode.plans().forEach(p -> out.add(carePlan(p)));
        for (FlagInfo f : episode.flags()) {
            out.add(flag(f));
            out.add(detectedIssue(f));
        }
        return out;
    }

    private Patient patient() {
        var p = episode.patient();
        Patient patient = new Patient();
        patient.setId(patientId());
        patient.addIdentifier(new Identifier().setSystem(FhirCodes.PATIENT_ID).setValue(String.valueOf(p.id())));
        patient.addName(new HumanName().setFamily(p.familyName()).addGiven(p.givenName()).setText(p.fullName()));
        patient.setBirthDateElement(new DateType(p.dateOfBirth().toString()));
        patient.setManagingOrganization(ref(organizationId()).setDisplay(episode.clinicName()));
        return patient;
    }

    private Organization organization() {
        Organization org = new Organization();
        org.setId(organizationId());
        org.addIdentifier(new Identifier().setSystem(FhirCodes.CLINIC_ID).setValue(String.valueOf(clinic)));
        org.setName(episode.clinicName());
        return org;
    }

    private Practitioner practitioner(Episode.Clinician c) {
        Practitioner p = new Practitioner();
        p.setId(uuid(clinic, "user", c.id()));
        p.addIdentifier(new Identifier().setSystem(FhirCodes.USER_ID).setValue(String.valueOf(c.id())));
        p.addName(new HumanName().setText(c.displayName()));
        return p;
    }

    private CareTeam careTeam() {
        CareTeam team = new CareTeam();
        team.setId(careTeamId());
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.setName("Walking therapy care team of " + episode.patient().fullName());
        team.setSubject(ref(patientId()));
        team.addManagingOrganization(ref(organizationId()));
        episode.careTeam().forEach(c -> team.addParticipant().setMember(ref(uuid(clinic, "user", c.id()))
                .setDisplay(c.displayName())));
        return team;
    }

    private org.hl7.fhir.r4.model.Condition condition() {
        var p = episode.patient();
        var c = new org.hl7.fhir.r4.model.Condition();
        c.setId(conditionId());
        c.setClinicalStatus(new CodeableConcept(new Coding(FhirCodes.CONDITION_CLINICAL, "active", "Active")));
        c.setVerificationStatus(new CodeableConcept(new Coding(FhirCodes.CONDITION_VERIFICATION, "confirmed", "Confirmed")));
        c.addCategory(new CodeableConcept(new Coding(FhirCodes.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
        CodeableConcept code = new CodeableConcept().setText(p.condition().label());
        code.addCoding(new Coding(FhirCodes.CONDITION_CODE, p.condition().name(), p.condition().label()));
        String snomed = snomed(p.condition());
        if (snomed != null) {
            code.addCoding(new Coding(FhirCodes.SNOMED, snomed, snomedDisplay(p.condition())));
        }
        c.setCode(code);
        c.setSubject(ref(patientId()));
        if (p.onsetDate() != null) {
            c.setOnset(new org.hl7.fhir.r4.model.DateTimeType(p.onsetDate().toString()));
        }
        c.addNote(new Annotation().setText(switch (p.acuity()) {
            case ACUTE -> "Acute episode (under 6 weeks)";
            case CHRONIC -> "Chronic episode";
        } + (p.surgeryDate() == null ? "" : "; back surgery on " + p.surgeryDate()
                + (p.clearanceDate() == null ? ", no surgeon's clearance recorded"
                : ", surgeon's clearance " + p.clearanceDate()
                + (p.clearanceLimits() == null || p.clearanceLimits().isBlank() ? "" : ": " + p.clearanceLimits())))));
        return c;
    }

    /** SNOMED CT where the condition maps one to one; the WalkRx code stays beside it. */
    private static String snomed(Condition condition) {
        return switch (condition) {
            case CHRONIC_LOW_BACK_PAIN -> "278860009";
            case SCIATICA -> "23056005";
            case LUMBAR_DISCOMFORT -> "279039007";
            default -> null;
        };
    }

    private static String snomedDisplay(Condition condition) {
        return switch (condition) {
            case CHRONIC_LOW_BACK_PAIN -> "Chronic low back pain";
            case SCIATICA -> "Sciatica";
            default -> "Low back pain";
        };
    }

    private EpisodeOfCare episodeOfCare() {
        EpisodeOfCare eoc = new EpisodeOfCare();
        eoc.setId(uuid(clinic, "episode", episode.patient().id()));
        PlanInfo plan = episode.plan();
        eoc.setStatus(plan == null ? EpisodeOfCare.EpisodeOfCareStatus.PLANNED : switch (plan.status()) {
            case "ACTIVE" -> EpisodeOfCare.EpisodeOfCareStatus.ACTIVE;
            case "PAUSED" -> EpisodeOfCare.EpisodeOfCareStatus.ONHOLD;
            case "DRAFT" -> EpisodeOfCare.EpisodeOfCareStatus.PLANNED;
            default -> EpisodeOfCare.EpisodeOfCareStatus.FINISHED;
        });
        eoc.addType(new CodeableConcept().setText("Walking therapy for back pain"));
        eoc.addDiagnosis().setCondition(ref(conditionId()));
        eoc.setPatient(ref(patientId()));
        eoc.setManagingOrganization(ref(organizationId()));
        Period period = new Period();
        if (episode.therapyStart() != null) {
            period.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(episode.therapyStart().toString()));
        }
        if (plan != null && plan.endedOn() != null && !plan.live()) {
            period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(plan.endedOn().toString()));
        }
        eoc.setPeriod(period);
        eoc.addTeam(ref(careTeamId()));
        return eoc;
    }

    private Goal goal() {
        Goal goal = new Goal();
        goal.setId(goalId());
        PlanInfo plan = episode.plan();
        goal.setLifecycleStatus(plan != null && !plan.live() ? Goal.GoalLifecycleStatus.COMPLETED
                : Goal.GoalLifecycleStatus.ACTIVE);
        Double threshold = pain.importantThreshold();
        goal.setDescription(new CodeableConcept().setText(threshold == null
                ? "A clinically important fall in back pain (2 points or 30% of the baseline), walking as prescribed"
                : "Back pain at or below " + PainCourse.one(threshold) + " of 10 (a clinically important fall of 2 "
                        + "points or 30% from the baseline of " + PainCourse.one(pain.baseline())
                        + "), walking as prescribed"));
        goal.setSubject(ref(patientId()));
        if (episode.therapyStart() != null) {
            goal.setStart(new DateType(episode.therapyStart().toString()));
        }
        goal.addAddresses(ref(conditionId()));
        if (threshold != null) {
            Quantity target = FhirCodes.ucum(Math.round(threshold * 10) / 10.0, "{score}", "{score}");
            target.setComparator(Quantity.QuantityComparator.LESS_OR_EQUAL);
            goal.addTarget().setMeasure(FhirCodes.loinc(FhirCodes.PAIN, FhirCodes.PAIN_DISPLAY)).setDetail(target);
        }
        PhaseInfo current = plan == null ? null : plan.current();
        if (current != null && current.stepTarget() != null) {
            Quantity steps = FhirCodes.ucum(current.stepTarget(), "steps/day", "/d");
            steps.setComparator(Quantity.QuantityComparator.GREATER_OR_EQUAL);
            goal.addTarget().setMeasure(FhirCodes.loinc(FhirCodes.STEPS_PER_DAY, FhirCodes.STEPS_PER_DAY_DISPLAY))
                    .setDetail(steps);
        }
        return goal;
    }

    private CarePlan carePlan(PlanInfo plan) {
        CarePlan cp = new CarePlan();
        cp.setId(uuid(clinic, "plan", plan.id()));
        cp.setStatus(switch (plan.status()) {
            case "ACTIVE" -> CarePlan.CarePlanStatus.ACTIVE;
            case "PAUSED" -> CarePlan.CarePlanStatus.ONHOLD;
            case "DRAFT" -> CarePlan.CarePlanStatus.DRAFT;
            default -> CarePlan.CarePlanStatus.COMPLETED;
        });
        cp.setIntent(CarePlan.CarePlanIntent.PLAN);
        cp.setTitle("Walking plan (" + ProgressReportHtml.templateLabel(plan.template()) + ")");
        if (plan.pauseReason() != null && plan.status().equals("PAUSED")) {
            cp.addNote(new Annotation().setText("Paused: " + plan.pauseReason()));
        }
        cp.setSubject(ref(patientId()));
        Period period = new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(plan.startDate().toString()));
        if (plan.endedOn() != null) {
            period.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(plan.endedOn().toString()));
        }
        cp.setPeriod(period);
        cp.addCareTeam(ref(careTeamId()));
        cp.addAddresses(ref(conditionId()));
        cp.addGoal(ref(goalId()));
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
            d.addGoal(ref(goalId()));
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

    private CodeableConcept flagCode(FlagInfo f) {
        return new CodeableConcept(new Coding(FhirCodes.FLAG_CODE, f.code(), f.label()))
                .setText(f.label() + " (" + f.tier().toLowerCase() + ")");
    }

    private Flag flag(FlagInfo f) {
        Flag flag = new Flag();
        flag.setId(uuid(clinic, "flag", f.id()));
        flag.setStatus(f.status().equals("RESOLVED") ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(FhirCodes.FLAG_CATEGORY, "clinical", "Clinical")));
        flag.setCode(flagCode(f));
        flag.setSubject(ref(patientId()));
        Period period = new Period().setStart(Date.from(f.raisedAt()));
        if (f.resolvedAt() != null) {
            period.setEnd(Date.from(f.resolvedAt()));
        }
        flag.setPeriod(period);
        flag.setAuthor(ref(organizationId()).setDisplay(episode.clinicName() + " (WalkRx see-a-doctor rules)"));
        flag.addExtension(FhirCodes.FLAG_DETAIL_EXTENSION, ref(uuid(clinic, "detected-issue", f.id())));
        return flag;
    }

    private DetectedIssue detectedIssue(FlagInfo f) {
        DetectedIssue issue = new DetectedIssue();
        issue.setId(uuid(clinic, "detected-issue", f.id()));
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(flagCode(f));
        issue.setSeverity(switch (f.tier()) {
            case "URGENT" -> DetectedIssue.DetectedIssueSeverity.HIGH;
            case "HIGH" -> DetectedIssue.DetectedIssueSeverity.MODERATE;
            default -> DetectedIssue.DetectedIssueSeverity.LOW;
        });
        issue.setPatient(ref(patientId()));
        issue.setIdentified(new org.hl7.fhir.r4.model.DateTimeType(Date.from(f.raisedAt())));
        issue.setDetail(f.basis());
        for (Evidence e : f.evidence()) {
            DetectedIssue.DetectedIssueEvidenceComponent ev = issue.addEvidence();
            ev.addCode(new CodeableConcept().setText(e.detail()));
            if (e.checkInId() != null) {
                if (e.painScored()) {
                    ev.addDetail(ref(uuid(clinic, "pain", e.checkInId())));
                }
                if (e.stepsRecorded()) {
                    ev.addDetail(ref(uuid(clinic, "steps", e.checkInId())));
                }
                e.walkIds().forEach(w -> ev.addDetail(ref(uuid(clinic, "walk", w))));
            }
        }
        if (f.acknowledgedAt() != null) {
            DetectedIssue.DetectedIssueMitigationComponent m = issue.addMitigation();
            m.setAction(new CodeableConcept().setText("Acknowledged"
                    + (f.acknowledgeNote() == null || f.acknowledgeNote().isBlank() ? "" : ": " + f.acknowledgeNote())));
            m.setDate(Date.from(f.acknowledgedAt()));
            if (f.acknowledgedBy() != null) {
                m.setAuthor(new Reference().setDisplay(f.acknowledgedBy()));
            }
        }
        if (f.resolvedAt() != null) {
            DetectedIssue.DetectedIssueMitigationComponent m = issue.addMitigation();
            CodeableConcept action = new CodeableConcept();
            if (f.outcome() != null) {
                action.addCoding(new Coding(FhirCodes.FLAG_OUTCOME, f.outcome(), ProgressReportHtml.outcomeLabel(f.outcome())));
            }
            if (f.action() != null) {
                action.addCoding(new Coding(FhirCodes.FLAG_ACTION, f.action(), ProgressReportHtml.actionLabel(f.action())));
            }
            action.setText(ProgressReportHtml.resolution(f));
            m.setAction(action);
            m.setDate(Date.from(f.resolvedAt()));
            String by = f.resolvedBySystem() ? "WalkRx" : f.resolvedBy();
            if (by != null) {
                m.setAuthor(new Reference().setDisplay(by));
            }
        }
        return issue;
    }
}
