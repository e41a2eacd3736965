package com.walkrx.clinic;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A clinic's settings as an admin sees and changes them ({@code GET/PUT /api/v1/clinic/settings}).
 * Each setting is a field; a change names only the fields it changes (null: leave as is).
 *
 * @param staffMfaRequired sign-in security (issue 14): staff (clinicians and admins) must give a TOTP code
 *                         after their password
 */
public record ClinicSettings(
        // --- sign-in security ---
        @JsonDeserialize(using = StrictBoolean.class) Boolean staffMfaRequired) {
}
