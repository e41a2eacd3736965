package com.walkrx.patient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One changed enrolment field of a patient: who changed it, when, and the values before and after. */
public record PatientChange(String changedBy, Instant changedAt, String field, String before, String after) {

    /** A field that differs between two versions of a record (API names; values as text). */
    record Field(String name, String before, String after) {
    }

    static List<Field> diff(PatientRecord a, PatientRecord b) {
        List<Field> changed = new ArrayList<>();
        add(changed, "givenName", a.givenName(), b.givenName());
        add(changed, "familyName", a.familyName(), b.familyName());
        add(changed, "dateOfBirth", a.dateOfBirth(), b.dateOfBirth());
        add(changed, "condition", a.condition(), b.condition());
        add(changed, "acuity", a.acuity(), b.acuity());
        add(changed, "onsetDate", a.onsetDate(), b.onsetDate());
        add(changed, "surgeryDate", a.surgeryDate(), b.surgeryDate());
        add(changed, "surgeonClearanceDate", a.surgeonClearanceDate(), b.surgeonClearanceDate());
        add(changed, "surgeonClearanceLimits", a.surgeonClearanceLimits(), b.surgeonClearanceLimits());
        add(changed, "phone", a.contact().phone(), b.contact().phone());
        add(changed, "email", a.contact().email(), b.contact().email());
        add(changed, "emergencyContactName", a.contact().emergencyContactName(), b.contact().emergencyContactName());
        add(changed, "emergencyContactPhone", a.contact().emergencyContactPhone(),
                b.contact().emergencyContactPhone());
        return changed;
    }

    private static void add(List<Field> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(new Field(name, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }
}
