package com.walkrx.base.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request or Vaadin interaction. */
@Component
public class CurrentUser {

    public Optional<WalkRxPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof WalkRxPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The caller; fails when nobody is logged in. */
    public Caller require() {
        return principal().map(WalkRxPrincipal::caller)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not logged in"));
    }
}
