package com.walkrx.base.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/**
 * The clinic's MFA policy as an authorization rule: a staff member whose clinic requires a second factor
 * must hold the TOTP factor authority (Spring Security's {@link AllRequiredFactorsAuthorizationManager}
 * decides that); everyone else needs no extra factor. Used by the API's URL rules and by the UI's
 * navigation check, so both doors apply one rule.
 */
public final class RequiredFactors {

    private static final AllRequiredFactorsAuthorizationManager<Object> TOTP =
            AllRequiredFactorsAuthorizationManager.builder()
                    .requireFactor(f -> f.authority(SecondFactor.TOTP_AUTHORITY))
                    .build();

    private RequiredFactors() {
    }

    /** True when the authentication holds every factor its user's clinic requires. */
    public static boolean satisfied(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof WalkRxPrincipal p)) {
            return false;
        }
        if (p.secondFactor() == SecondFactor.NOT_REQUIRED) {
            return true;
        }
        AuthorizationResult result = TOTP.authorize(() -> authentication, null);
        return result != null && result.isGranted();
    }

    /** The API's rule for every endpoint but {@code /api/v1/me/mfa/*}: all factors, and not an enrolment-only token. */
    static <T> AuthorizationManager<T> fullAccess() {
        return (Supplier<? extends Authentication> authentication, T object) -> {
            Authentication a = authentication.get();
            boolean granted = a != null && a.isAuthenticated() && satisfied(a)
                    && a.getAuthorities().stream()
                            .noneMatch(g -> SecondFactor.ENROLMENT_SCOPE_AUTHORITY.equals(g.getAuthority()));
            return new AuthorizationDecision(granted);
        };
    }
}
