package com.walkrx.base.security;

/** Whether a user must give a second factor after the password (clinic policy and enrolment). */
public enum SecondFactor {
    /** A patient, or staff of a clinic without the MFA policy. */
    NOT_REQUIRED,
    /** Staff of a clinic with the MFA policy who have a confirmed TOTP factor: the code is asked for. */
    REQUIRED,
    /** Staff of a clinic with the MFA policy who have no factor yet: they must set one up first. */
    ENROLMENT_REQUIRED;

    /** The factor authority a TOTP code (or a recovery code) adds to an authentication. */
    public static final String TOTP_AUTHORITY = "FACTOR_TOTP";
    /** Marks a token that may reach only {@code /api/v1/me/mfa/*}. */
    public static final String ENROLMENT_SCOPE_AUTHORITY = "SCOPE_MFA_ENROLMENT";

    public static SecondFactor of(boolean staff, boolean clinicRequiresMfa, boolean enrolled) {
        if (!staff || !clinicRequiresMfa) {
            return NOT_REQUIRED;
        }
        return enrolled ? REQUIRED : ENROLMENT_REQUIRED;
    }
}
