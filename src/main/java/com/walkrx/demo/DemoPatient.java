package com.walkrx.demo;

import java.time.LocalDate;

/** A seeded demo patient, handed to the modules that add plans and flags to the demo. */
public record DemoPatient(long patientId, long clinicId, long clinicianId, DemoProfile profile, LocalDate planStart) {
}
