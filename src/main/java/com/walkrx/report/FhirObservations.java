package com.walkrx.report;

import static com.walkrx.report.FhirCodes.ref;
import static com.walkrx.report.FhirCodes.uuid;

import com.walkrx.base.clinical.Surface;
import java.util.Date;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns the streamed check-in rows into Observations as they come: per check-in its overall pain (72514-3) and
 * steps per day (41950-7); per walk its duration (55411-3, with steps, surface and sharp pain as components) and
 * the pain before and after it, grouped under the walk with hasMember.
 */
final class FhirObservations implements Consumer<CheckInRow> {

    private final long clinic;
    private final String patient;
    private final Consumer<Resource> sink;
    private long lastCheckIn = -1;

    FhirObservations(long clinicId, String patientUuid, Consumer<Resource> sink) {
        this.clinic = clinicId;
        this.patient = patientUuid;
        this.sink = sink;
    }

    @Override
    public void accept(CheckInRow row) {
        if (row.checkInId() != lastCheckIn) {
            lastCheckIn = row.checkInId();
            if (row.overallPain() != null) {
                Observation pain = pain(uuid(clinic, "pain", row.checkInId()), row, row.overallPain(),
                        "Overall back pain of the day");
                if (row.notes() != null && !row.notes().isBlank()) {
                    pain.addNote(new Annotation().setText(row.notes()));
                }
                sink.accept(pain);
            }
            if (row.steps() != null) {
                Observation steps = base(uuid(clinic, "steps", row.checkInId()), row, true);
                steps.setCode(FhirCodes.loinc(FhirCodes.STEPS_PER_DAY, FhirCodes.STEPS_PER_DAY_DISPLAY));
                steps.setValue(FhirCodes.ucum(row.steps(), "steps/day", "/d"));
                sink.accept(steps);
            }
        }
        if (row.hasWalk()) {
            String before = uuid(clinic, "walk-pain-before", row.walkId());
            String after = uuid(clinic, "walk-pain-after", row.walkId());
            sink.accept(pain(before, row, row.painBefore(), "Pain before walk " + row.walkPosition()));
            sink.accept(pain(after, row, row.painAfter(), "Pain after walk " + row.walkPosition()));
            Observation walk = base(uuid(clinic, "walk", row.walkId()), row, true);
            walk.setCode(FhirCodes.loinc(FhirCodes.EXERCISE_DURATION, FhirCodes.EXERCISE_DURATION_DISPLAY)
                    .setText("Walk " + row.walkPosition() + " of the day"));
            walk.setValue(FhirCodes.ucum(row.walkMinutes(), "min", "min"));
            walk.addComponent().setCode(new CodeableConcept(new Coding(FhirCodes.SURFACE, row.walkSurface(),
                            surfaceLabel(row.walkSurface()))).setText("Walking surface"))
                    .setValue(new CodeableConcept(new Coding(FhirCodes.SURFACE, row.walkSurface(),
                            surfaceLabel(row.walkSurface()))));
            walk.addComponent().setCode(new CodeableConcept().setText("Sharp pain during the walk"))
                    .setValue(new BooleanType(Boolean.TRUE.equals(row.sharpPain())));
            if (row.walkSteps() != null) {
                walk.addComponent().setCode(FhirCodes.loinc(FhirCodes.STEPS, FhirCodes.STEPS_DISPLAY))
                        .setValue(FhirCodes.ucum(row.walkSteps(), "steps", "{steps}"));
            }
            walk.addHasMember(ref(before).setDisplay("Pain before the walk"));
            walk.addHasMember(ref(after).setDisplay("Pain after the walk"));
            sink.accept(walk);
        }
    }

    private Observation pain(String id, CheckInRow row, int value, String text) {
        Observation o = base(id, row, false);
        o.setCode(FhirCodes.loinc(FhirCodes.PAIN, FhirCodes.PAIN_DISPLAY).setText(text));
        o.setValue(FhirCodes.painScore(value));
        return o;
    }

    private Observation base(String id, CheckInRow row, boolean activity) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(Observation.ObservationStatus.FINAL);
        if (activity) {
            o.addCategory(FhirCodes.category("activity", "Activity"));
            o.addCategory(FhirCodes.physicalActivity());
        } else {
            o.addCategory(FhirCodes.category("survey", "Survey"));
        }
        o.setSubject(ref(patient));
        o.setEffective(new DateTimeType(row.date().toString()));
        o.setIssued(Date.from(row.recordedAt()));
        o.addPerformer(new Reference("urn:uuid:" + patient));
        return o;
    }

    static String surfaceLabel(String surface) {
        return Surface.valueOf(surface).label();
    }
}
