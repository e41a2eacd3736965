package com.walkrx.base.security;

import java.util.Optional;

/**
 * Looks up an API token ({@code Authorization: Bearer}) in one indexed query; implemented by the clinic
 * module, which owns accounts and tokens.
 */
public interface ApiTokenAuthenticator {

    /** A live token's user. */
    record TokenLogin(WalkRxPrincipal principal, long tokenId, boolean enrolmentOnly, boolean withSecondFactor) {
    }

    /** The details of an authentication by token: which token (so that "end my other logins" can keep it). */
    record TokenDetails(long tokenId) {
    }

    /** The user of a live token (not revoked, not expired, account active), its last use recorded; else empty. */
    Optional<TokenLogin> authenticate(String token);
}
