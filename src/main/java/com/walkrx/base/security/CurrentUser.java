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

    /** The API token the current request authenticated with, if it came with one. */
    public Optional<Long> tokenId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof ApiTokenAuthenticator.TokenDetails d
                ? Optional.of(d.tokenId()) : Optional.empty();
    }

    /** The caller; fails when nobody is logged in. */
    public Caller require() {
        return principal().map(WalkRxPrincipal::caller)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not logged in"));
    }
}
