package com.walkrx.base.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as the rest of the application sees them: who, which clinic, which role. */
public final class WalkRxPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final long clinicId;
    private final String username;
    private final String displayName;
    private final Role role;
    private final Long patientId;
    private final boolean enabled;
    private final SecondFactor secondFactor;
    private String passwordHash;

    public WalkRxPrincipal(long userId, long clinicId, String username, String displayName, Role role,
                           Long patientId, boolean enabled, String passwordHash) {
        this(userId, clinicId, username, displayName, role, patientId, enabled, passwordHash, SecondFactor.NOT_REQUIRED);
    }

    public WalkRxPrincipal(long userId, long clinicId, String username, String displayName, Role role,
                           Long patientId, boolean enabled, String passwordHash, SecondFactor secondFactor) {
        this.secondFactor = secondFactor == null ? SecondFactor.NOT_REQUIRED : secondFactor;
        this.userId = userId;
        this.clinicId = clinicId;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.patientId = patientId;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    public long userId() { return userId; }

    public long clinicId() { return clinicId; }

    public String displayName() { return displayName; }

    public Role role() { return role; }

    /** The patient record of a PATIENT user; null for staff. */
    public Long patientId() { return patientId; }

    /** Whether this user must give a second factor after the password (as of login). */
    public SecondFactor secondFactor() { return secondFactor; }

    public boolean is(Role r) { return role == r; }

    public Caller caller() {
        return new Caller(userId, clinicId, role, patientId, username);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() { return passwordHash; }

    @Override
    public String getUsername() { return username; }

    @Override
    public boolean isEnabled() { return enabled; }

    @Override
    public void eraseCredentials() { passwordHash = null; }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalkRxPrincipal other && other.userId == userId;
    }

    @Override
    public int hashCode() { return Long.hashCode(userId); }

    @Override
    public String toString() { return "WalkRxPrincipal[" + username + ", " + role + "]"; }
}
