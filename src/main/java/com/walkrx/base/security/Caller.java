package com.walkrx.base.security;

/**
 * Who is asking: every service method that reads or changes clinic data takes the caller into
 * account in its query (clinic, care team, own record). The display name is what histories and flag
 * actions show as the actor ("Dr Priya Shah").
 */
public record Caller(long userId, long clinicId, Role role, Long patientId, String username, String displayName) {

    public Caller {
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** A caller whose display name is not known: the username stands in for it. */
    public Caller(long userId, long clinicId, Role role, Long patientId, String username) {
        this(userId, clinicId, role, patientId, username, username);
    }

    public boolean isPatient() { return role == Role.PATIENT; }

    public boolean isClinician() { return role == Role.CLINICIAN; }

    public boolean isAdmin() { return role == Role.ADMIN; }

    public boolean isStaff() { return role != Role.PATIENT; }
}
