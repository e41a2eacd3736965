package com.walkrx.base.security;

import java.util.Optional;

/**
 * Which patient record a PATIENT login belongs to. The clinic module loads logins and the patient module owns
 * the patient table (and depends on clinic), so the login side asks through this interface instead of joining
 * {@code patient}: no cycle between the two modules, in Java or in SQL. Implemented by the patient module.
 */
public interface PatientLogins {

    /** The patient record whose login is {@code userId}, if any. */
    Optional<Long> patientIdOf(long userId);
}
