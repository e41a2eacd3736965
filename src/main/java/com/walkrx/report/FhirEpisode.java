package com.walkrx.report;

import static com.walkrx.report.FhirCodes.ref;

import com.walkrx.patient.Condition;
import com.walkrx.report.Episode.FlagInfo;
import com.walkrx.report.Episode.PhaseInfo;
import com.walkrx.report.Episode.PlanInfo;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR resources of an episode whose number does not grow with the history: Patient, Organization, the care
 * team's Practitioners and CareTeam, Condition, EpisodeOfCare, Goal, a CarePlan per plan (one activity per phase),
 * and a Flag with its DetectedIssue per see-a-doctor flag (the CarePlans from {@link FhirCarePlans}, the flags from
 * {@link FhirFlags}). Observations come from {@link FhirObservations}.
 */
final class FhirEpisode {

    private final Episode episode;
    private final PainCourse pain;
    private final long clinic;
    private final FhirIds ids;

    FhirEpisode(Episode episode, PainCourse pain) {
        this.episode = episode;
        this.pain = pain;
        this.clinic = episode.clinicId();
        this.ids = new FhirIds(clinic, episode.patient().id());
    }

    String patientId() {
        return ids.patient();
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
        episode.plans().forEach(p -> out.add(FhirCarePlans.carePlan(ids, p)));
        for (FlagInfo f : episode.flags()) {
            out.add(FhirFlags.flag(ids, episode.clinicName(), f));
            out.add(FhirFlags.detectedIssue(ids, f));
        }
        return out;
    }

    private Patient patient() {
        var p = episode.patient();
        Patient patient = new Patient();
        patient.setId(ids.patient());
        patient.addIdentifier(new Identifier().setSystem(FhirCodes.PATIENT_ID).setValue(String.valueOf(p.id())));
        patient.addName(new HumanName().setFamily(p.familyName()).addGiven(p.givenName()).setText(p.fullName()));
        patient.setBirthDateElement(new DateType(p.dateOfBirth().toString()));
        patient.setManagingOrganization(ref(ids.organization()).setDisplay(episode.clinicName()));
        return patient;
    }

    private Organization organization() {
        Organization org = new Organization();
        org.setId(ids.organization());
        org.addIdentifier(new Identifier().setSystem(FhirCodes.CLINIC_ID).setValue(String.valueOf(clinic)));
        org.setName(episode.clinicName());
        return org;
    }

    private Practitioner practitioner(Episode.Clinician c) {
        Practitioner p = new Practitioner();
        p.setId(ids.of("user", c.id()));
        p.addIdentifier(new Identifier().setSystem(FhirCodes.USER_ID).setValue(String.valueOf(c.id())));
        p.addName(new HumanName().setText(c.displayName()));
        return p;
    }

    private CareTeam careTeam() {
        CareTeam team = new CareTeam();
        team.setId(ids.careTeam());
        team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        team.setName("Walking therapy care team of " + episode.patient().fullName());
        team.setSubject(ref(ids.patient()));
        team.addManagingOrganization(ref(ids.organization()));
        episode.careTeam().forEach(c -> team.addParticipant().setMember(ref(ids.of("user", c.id()))
                .setDisplay(c.displayName())));
        return team;
    }

    private org.hl7.fhir.r4.model.Condition condition() {
        var p = episode.patient();
        var c = new org.hl7.fhir.r4.model.Condition();
        c.setId(ids.condition());
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
        c.setSubject(ref(ids.patient()));
        if (p.onsetDate() != null) {
            c.setOnset(new DateTimeType(p.onsetDate().toString()));
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
        eoc.setId(ids.episodeOfCare());
        PlanInfo plan = episode.plan();
        eoc.setStatus(plan == null ? EpisodeOfCare.EpisodeOfCareStatus.PLANNED : switch (plan.status()) {
            case "ACTIVE" -> EpisodeOfCare.EpisodeOfCareStatus.ACTIVE;
            case "PAUSED" -> EpisodeOfCare.EpisodeOfCareStatus.ONHOLD;
            case "DRAFT" -> EpisodeOfCare.EpisodeOfCareStatus.PLANNED;
            default -> EpisodeOfCare.EpisodeOfCareStatus.FINISHED;
        });
        eoc.addType(new CodeableConcept().setText("Walking therapy for back pain"));
        eoc.addDiagnosis().setCondition(ref(ids.condition()));
        eoc.setPatient(ref(ids.patient()));
        eoc.setManagingOrganization(ref(ids.organization()));
        Period period = new Period();
        if (episode.therapyStart() != null) {
            period.setStartElement(new DateTimeType(episode.therapyStart().toString()));
        }
        if (plan != null && plan.endedOn() != null && !plan.live()) {
            period.setEndElement(new DateTimeType(plan.endedOn().toString()));
        }
        eoc.setPeriod(period);
        eoc.addTeam(ref(ids.careTeam()));
        return eoc;
    }

    private Goal goal() {
        Goal goal = new Goal();
        goal.setId(ids.goal());
        PlanInfo plan = episode.plan();
        goal.setLifecycleStatus(plan != null && !plan.live() ? Goal.GoalLifecycleStatus.COMPLETED
                : Goal.GoalLifecycleStatus.ACTIVE);
        Double threshold = pain.importantThreshold();
        goal.setDescription(new CodeableConcept().setText(threshold == null
                ? "A clinically important fall in back pain (2 points or 30% of the baseline), walking as prescribed"
                : "Back pain at or below " + PainCourse.one(threshold) + " of 10 (a clinically important fall of 2 "
                        + "points or 30% from the baseline of " + PainCourse.one(pain.baseline())
                        + "), walking as prescribed"));
        goal.setSubject(ref(ids.patient()));
        if (episode.therapyStart() != null) {
            goal.setStart(new DateType(episode.therapyStart().toString()));
        }
        goal.addAddresses(ref(ids.condition()));
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
}
