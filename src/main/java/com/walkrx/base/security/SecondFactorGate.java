package com.walkrx.base.security;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic on the API is a password alone: staff whose clinic requires a second factor are refused
 * with {@link MfaProblem} after the password was checked (so the throttle and audit saw the login), and
 * use a token instead ({@code POST /api/v1/auth/tokens} with the code).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class SecondFactorGate implements AuthenticationProvider {

    private final AuthenticationProvider passwords;

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = passwords.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof WalkRxPrincipal p) {
            switch (p.secondFactor()) {
                case REQUIRED -> throw new MfaProblem(MfaProblem.MFA_REQUIRED);
                case ENROLMENT_REQUIRED -> throw new MfaProblem(MfaProblem.MFA_ENROLMENT_REQUIRED);
                case NOT_REQUIRED -> { }
            }
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
