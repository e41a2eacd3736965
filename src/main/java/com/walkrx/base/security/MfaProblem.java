package com.walkrx.base.security;

import org.springframework.security.core.AuthenticationException;

/** The password was right, but the clinic's policy needs a second factor first: {@code 401} with a code. */
public class MfaProblem extends AuthenticationException {

    /** API problem codes (API.md, "Tokens and multi-factor authentication"). */
    public static final String MFA_REQUIRED = "MFA_REQUIRED";
    public static final String MFA_ENROLMENT_REQUIRED = "MFA_ENROLMENT_REQUIRED";

    private final String code;

    public MfaProblem(String code) {
        super(MFA_REQUIRED.equals(code)
                ? "A second factor is required: request a token with the code from your authenticator app."
                : "Your clinic requires a second factor: request a token and set up an authenticator app first.");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
