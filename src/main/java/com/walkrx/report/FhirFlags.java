package com.walkrx.report;

import static com.walkrx.report.FhirCodes.ref;

import com.walkrx.report.Episode.Evidence;
import com.walkrx.report.Episode.FlagInfo;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A see-a-doctor flag as a FHIR Flag and the DetectedIssue its flag-detail extension points to: the rule's basis,
 * the evidence (the pain, steps and walk Observations it rests on) and, as mitigations, its acknowledgement and
 * resolution.
 */
final class FhirFlags {

    private FhirFlags() {
    }

    private static CodeableConcept flagCode(FlagInfo f) {
        return new CodeableConcept(new Coding(FhirCodes.FLAG_CODE, f.code(), f.label()))
                .setText(f.label() + " (" + f.tier().toLowerCase() + ")");
    }

    static Flag flag(FhirIds ids, String clinicName, FlagInfo f) {
        Flag flag = new Flag();
        flag.setId(ids.of("flag", f.id()));
        flag.setStatus(f.status().equals("RESOLVED") ? Flag.FlagStatus.INACTIVE : Flag.FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(FhirCodes.FLAG_CATEGORY, "clinical", "Clinical")));
        flag.setCode(flagCode(f));
        flag.setSubject(ref(ids.patient()));
        Period period = new Period().setStart(Date.from(f.raisedAt()));
        if (f.resolvedAt() != null) {
            period.setEnd(Date.from(f.resolvedAt()));
        }
        flag.setPeriod(period);
        flag.setAuthor(ref(ids.organization()).setDisplay(clinicName + " (WalkRx see-a-doctor rules)"));
        flag.addExtension(FhirCodes.FLAG_DETAIL_EXTENSION, ref(ids.of("detected-issue", f.id())));
        return flag;
    }

    static DetectedIssue detectedIssue(FhirIds ids, FlagInfo f) {
        DetectedIssue issue = new DetectedIssue();
        issue.setId(ids.of("detected-issue", f.id()));
        issue.setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(flagCode(f));
        issue.setSeverity(switch (f.tier()) {
            case "URGENT" -> DetectedIssue.DetectedIssueSeverity.HIGH;
            case "HIGH" -> DetectedIssue.DetectedIssueSeverity.MODERATE;
            default -> DetectedIssue.DetectedIssueSeverity.LOW;
        });
        issue.setPatient(ref(ids.patient()));
        issue.setIdentified(new DateTimeType(Date.from(f.raisedAt())));
        issue.setDetail(f.basis());
        for (Evidence e : f.evidence()) {
            DetectedIssue.DetectedIssueEvidenceComponent ev = issue.addEvidence();
            ev.addCode(new CodeableConcept().setText(e.detail()));
            if (e.checkInId() != null) {
                if (e.painScored()) {
                    ev.addDetail(ref(ids.of("pain", e.checkInId())));
                }
                if (e.stepsRecorded()) {
                    ev.addDetail(ref(ids.of("steps", e.checkInId())));
                }
                e.walkIds().forEach(w -> ev.addDetail(ref(ids.of("walk", w))));
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
                action.addCoding(new Coding(FhirCodes.FLAG_OUTCOME, f.outcome(), ReportWords.outcomeLabel(f.outcome())));
            }
            if (f.action() != null) {
                action.addCoding(new Coding(FhirCodes.FLAG_ACTION, f.action(), ReportWords.actionLabel(f.action())));
            }
            action.setText(ReportWords.resolution(f));
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
