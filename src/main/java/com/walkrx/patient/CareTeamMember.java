package com.walkrx.patient;

import java.time.Instant;

/** A clinician on a care team. */
public record CareTeamMember(long clinicianId, String displayName, String username, boolean enabled, Instant addedAt) {
}
