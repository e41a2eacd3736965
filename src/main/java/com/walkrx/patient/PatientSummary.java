package com.walkrx.patient;

import java.time.LocalDate;

/** A patient in a list: who, and what they are treated for. */
public record PatientSummary(long id, String givenName, String familyName, LocalDate dateOfBirth, Condition condition,
                             Acuity acuity, boolean hasAccount) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
