package com.walkrx.patient;

/** The result of enrolling a patient: the stored record and the one-time code for their own login. */
public record Enrolment(PatientRecord patient, IssuedActivationCode activationCode) {
}
