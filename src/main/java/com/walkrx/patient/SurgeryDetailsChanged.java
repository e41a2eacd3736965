package com.walkrx.patient;

import java.time.LocalDate;

/**
 * Published inside the transaction that records a surgery date or a surgeon's clearance, so that, for
 * example, a missing clearance on an already active plan can be flagged.
 */
public record SurgeryDetailsChanged(long clinicId, long patientId, LocalDate surgeryDate,
                                    LocalDate surgeonClearanceDate) {
}
