package com.walkrx.clinic;

/**
 * A module's say before a staff account is deactivated, inside the deactivation's transaction: it throws (a
 * {@link com.walkrx.base.api.ConflictException}, with the reason for the admin) when the account must stay, e.g.
 * while it is the only active clinician of a patient with unresolved flags. The clinic module knows no patients;
 * the patient module, which does, implements this.
 */
public interface DeactivationGuard {

    /** Refuses, by throwing, the deactivation of {@code userId} of {@code clinicId}; returns when it may go ahead. */
    void check(long clinicId, long userId, String displayName);
}
