package com.walkrx.patient;

import java.time.LocalDate;

/**
 * What a clinician enters to enrol a patient. Onset, surgery and clearance are optional (onset is
 * required for acute pain); {@link PatientService#enrol} checks every rule and names each bad field.
 */
public record EnrolmentCommand(String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
                               Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate,
                               LocalDate surgeonClearanceDate, String surgeonClearanceLimits) {
}
