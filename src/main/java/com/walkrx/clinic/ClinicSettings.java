package com.walkrx.clinic;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A clinic's settings as an admin sees and changes them ({@code GET/PUT /api/v1/clinic/settings}).
 * Each setting is a field; a change names only the fields it changes (null: leave as is).
 *
 * @param staffMfaRequired sign-in security (issue 14): staff (clinicians and admins) must give a TOTP code
 *                         after their password
 * @param locale           dates and language (issue 20): the BCP 47 tag every screen writes dates in, one of
 *                         {@link com.walkrx.base.ui.ClinicLocales#SUPPORTED} ("en-GB": 29/11/2026, weeks from Monday)
 */
public record ClinicSettings(
        // --- sign-in security ---
        @JsonDeserialize(using = StrictBoolean.class) Boolean staffMfaRequired,
        // --- dates and language ---
        String locale) {

    /** A change of the sign-in security alone. */
    public static ClinicSettings staffMfa(boolean required) {
        return new ClinicSettings(required, null);
    }

    /** A change of the locale alone. */
    public static ClinicSettings locale(String tag) {
        return new ClinicSettings(null, tag);
    }
}
