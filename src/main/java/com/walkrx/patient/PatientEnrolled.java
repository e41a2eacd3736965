package com.walkrx.patient;

/** Published inside the enrolment transaction once a patient is stored. */
public record PatientEnrolled(long clinicId, long patientId, long enrolledBy) {
}
