package com.walkrx.base.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The API door's password check (throttled, audited) for token requests. */
@Component
class ApiPasswordCheck implements PasswordCheck {

    private final GuardedAuthenticationProvider passwords;
    private final AccountGuard guard;

    ApiPasswordCheck(UserDetailsService users, PasswordEncoder encoder, AccountGuard guard) {
        this.passwords = new GuardedAuthenticationProvider(users, encoder, guard, AccountGuard.Channel.API);
        this.guard = guard;
    }

    @Override
    public WalkRxPrincipal check(String username, String password) {
        Authentication result = passwords.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        return (WalkRxPrincipal) result.getPrincipal();
    }

    @Override
    public void secondFactorFailed(String username) {
        guard.failed(username, ClientAddress.current(), AccountGuard.Failure.WRONG_SECOND_FACTOR,
                AccountGuard.Channel.API);
    }
}
