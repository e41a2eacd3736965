package com.walkrx.patient;

import java.time.LocalDate;
import java.time.Period;

/** A patient's record as services hand it out. */
public record PatientRecord(long id, long clinicId, String givenName, String familyName, LocalDate dateOfBirth,
                            Condition condition, Acuity acuity, LocalDate onsetDate, LocalDate surgeryDate,
                            LocalDate surgeonClearanceDate, String surgeonClearanceLimits, boolean hasAccount,
                            long version, PatientContact contact) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }

    /** Surgery within the last 12 weeks (product rule) and no surgeon's clearance on record. */
    public boolean clearanceMissingOn(LocalDate date) {
        return surgeryDate != null && !surgeryDate.isAfter(date) && !surgeryDate.isBefore(date.minusWeeks(12))
                && surgeonClearanceDate == null;
    }
}
