package com.walkrx.clinic;

import com.walkrx.base.security.Role;

/** A user of a clinic as lists and admin pages show it; {@code email} (where escalations reach staff) may be null. */
public record UserSummary(long id, long clinicId, String username, String displayName, Role role, boolean enabled,
                          String email) {
}
