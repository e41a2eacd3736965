package com.walkrx.patient;

import java.time.LocalDate;

/**
 * What a clinician enters to enrol a patient (and what an edit changes). Onset, surgery, clearance and the
 * contact details are optional (onset is required for acute pain); {@link PatientService#enrol} checks every rule
 * and names each bad field.
 */
public record EnrolmentCommand(String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
                               Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate,
                               LocalDate surgeonClearanceDate, String surgeonClearanceLimits, String phone,
                               String email, String emergencyContactName, String emergencyContactPhone) {

    /** Without contact details. */
    public EnrolmentCommand(String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
                            Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate,
                            LocalDate surgeonClearanceDate, String surgeonClearanceLimits) {
        this(givenName, familyName, dateOfBirth, condition, acuity, onsetDate, surgeryDate, surgeonClearanceDate,
                surgeonClearanceLimits, null, null, null, null);
    }

    /** The command that would enrol the patient as the record stands (the starting point of an edit). */
    public static EnrolmentCommand of(PatientRecord p) {
        return new EnrolmentCommand(p.givenName(), p.familyName(), p.dateOfBirth(), p.condition(), p.acuity(),
                p.onsetDate(), p.surgeryDate(), p.surgeonClearanceDate(), p.surgeonClearanceLimits(),
                p.contact().phone(), p.contact().email(), p.contact().emergencyContactName(),
                p.contact().emergencyContactPhone());
    }

    public PatientContact contact() {
        return new PatientContact(phone, email, emergencyContactName, emergencyContactPhone);
    }
}
