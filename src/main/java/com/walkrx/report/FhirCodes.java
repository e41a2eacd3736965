package com.walkrx.report;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Code systems, codes and units of the FHIR export. LOINC and UCUM as HL7's Physical Activity IG uses them
 * (steps per day 41950-7 in "/d", exercise duration 55411-3 in "min", categories "activity" and
 * "PhysicalActivity"); pain 0-10 is LOINC 72514-3 in "{score}". WalkRx's own vocabularies are under urn:walkrx.
 */
final class FhirCodes {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String PA_TEMPORARY_CODES = "http://hl7.org/fhir/us/physical-activity/CodeSystem/pa-temporary-codes";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String FLAG_DETAIL_EXTENSION = "http://hl7.org/fhir/StructureDefinition/flag-detail";

    static final String PATIENT_ID = "urn:walkrx:patient-id";
    static final String CLINIC_ID = "urn:walkrx:clinic-id";
    static final String USER_ID = "urn:walkrx:user-id";
    static final String FLAG_CODE = "urn:walkrx:flag-code";
    static final String FLAG_OUTCOME = "urn:walkrx:flag-outcome";
    static final String FLAG_ACTION = "urn:walkrx:flag-action";
    static final String INSTRUMENT = "urn:walkrx:questionnaire";
    static final String CONDITION_CODE = "urn:walkrx:condition";
    static final String SURFACE = "urn:walkrx:walk-surface";

    static final String PAIN = "72514-3";
    static final String PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    static final String STEPS_PER_DAY = "41950-7";
    static final String STEPS_PER_DAY_DISPLAY = "Number of steps in 24 hour Measured";
    static final String EXERCISE_DURATION = "55411-3";
    static final String EXERCISE_DURATION_DISPLAY = "Exercise duration";
    static final String STEPS = "55423-8";
    static final String STEPS_DISPLAY = "Number of steps in unspecified time Pedometer";

    private FhirCodes() {
    }

    /** A stable id for one record of a clinic, so that repeated exports name the same things the same way. */
    static String uuid(long clinicId, String kind, long id) {
        return UUID.nameUUIDFromBytes(("walkrx:" + clinicId + ":" + kind + ":" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static Reference ref(String uuid) {
        return new Reference("urn:uuid:" + uuid);
    }

    static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept(new Coding(LOINC, code, display));
    }

    static CodeableConcept category(String code, String display) {
        return new CodeableConcept(new Coding(OBSERVATION_CATEGORY, code, display));
    }

    /** The Physical Activity IG's second category beside "activity". */
    static CodeableConcept physicalActivity() {
        return new CodeableConcept(new Coding(PA_TEMPORARY_CODES, "PhysicalActivity", "Physical Activity"));
    }

    static Quantity ucum(Number value, String unit, String code) {
        Quantity q = new Quantity().setUnit(unit).setSystem(UCUM).setCode(code);
        q.setValue(new java.math.BigDecimal(value.toString()));
        return q;
    }

    static Quantity painScore(int value) {
        return ucum(value, "{score}", "{score}");
    }
}
