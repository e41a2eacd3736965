package com.walkrx.flag;

/** Some flag of the patient was raised, got evidence, or changed status: open counts and lists may differ now. */
public record FlagsChanged(long clinicId, long patientId) {
}
