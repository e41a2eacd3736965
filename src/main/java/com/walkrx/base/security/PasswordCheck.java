package com.walkrx.base.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Checks a username and password the way the API's HTTP Basic does (same throttle, same audit, same
 * generic refusal), for a token request.
 */
public interface PasswordCheck {

    /** The user, or an {@link AuthenticationException} (always the same generic one for a refusal). */
    WalkRxPrincipal check(String username, String password) throws AuthenticationException;

    /** Records a wrong second-factor code in the login throttle and the audit trail. */
    void secondFactorFailed(String username);
}
