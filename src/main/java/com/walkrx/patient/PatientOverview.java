package com.walkrx.patient;

/**
 * A patient's record as the chart header shows it, on the clinic's today: the age, whether a surgeon's
 * clearance is missing after recent surgery, and whether the caller is a clinician on the care team (and
 * so may record surgery, clearance and new activation codes).
 */
public record PatientOverview(PatientRecord patient, int age, boolean clearanceMissing, boolean callerMayCare) {
}
