package com.walkrx.clinic;

import com.walkrx.base.jpa.VersionedEntity;
import com.walkrx.base.security.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "app_user")
@SequenceGenerator(sequenceName = "app_user_seq", allocationSize = 50)
class AppUser extends VersionedEntity {

    private long clinicId;
    private String username;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    private Role role;
    private String displayName;
    private String email;
    private boolean enabled = true;
    private Instant createdAt;

    protected AppUser() {
    }

    AppUser(long clinicId, String username, String passwordHash, Role role, String displayName) {
        this.clinicId = clinicId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    long getClinicId() { return clinicId; }

    String getUsername() { return username; }

    String getPasswordHash() { return passwordHash; }

    Role getRole() { return role; }

    String getDisplayName() { return displayName; }

    boolean isEnabled() { return enabled; }

    void setEnabled(boolean enabled) { this.enabled = enabled; }

    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }

    void setDisplayName(String displayName) { this.displayName = displayName; }

    String getEmail() { return email; }

    void setEmail(String email) { this.email = email; }

    UserSummary summary() {
        return new UserSummary(getId(), clinicId, username, displayName, role, enabled, email);
    }
}
