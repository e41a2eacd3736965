package com.walkrx.base.security;

/** A user has exactly one role. */
public enum Role {
    ADMIN, CLINICIAN, PATIENT;

    /** The Spring Security authority, e.g. ROLE_CLINICIAN. */
    public String authority() {
        return "ROLE_" + name();
    }
}
