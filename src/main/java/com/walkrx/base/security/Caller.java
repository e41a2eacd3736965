package com.walkrx.base.security;

/**
 * Who is asking: every service method that reads or changes clinic data takes the caller into
 * account in its query (clinic, care team, own record).
 */
public record Caller(long userId, long clinicId, Role role, Long patientId, String username) {

    public boolean isPatient() { return role == Role.PATIENT; }

    public boolean isClinician() { return role == Role.CLINICIAN; }

    public boolean isAdmin() { return role == Role.ADMIN; }

    public boolean isStaff() { return role != Role.PATIENT; }
}
