package com.walkrx.base.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password authentication behind the throttle. Every refusal (unknown user, wrong
 * password, locked out, deactivated) surfaces as the same {@link BadCredentialsException}, so the
 * login page and the API cannot be used to find out which accounts exist or are locked.
 */
final class GuardedAuthenticationProvider implements AuthenticationProvider {

    /** The one message every refused login gets. */
    static final String GENERIC_MESSAGE = "Bad credentials";

    private final DaoAuthenticationProvider passwords;
    private final AccountGuard guard;
    private final AccountGuard.Channel channel;

    GuardedAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, AccountGuard guard,
                                  AccountGuard.Channel channel) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        // Check "disabled" only after the password matched, so a deactivated account answers like any
        // wrong password (and as slowly).
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("Account disabled");
            }
        });
        this.guard = guard;
        this.channel = channel;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : ClientAddress.current();
        if (guard.lockedOut(username, address)) {
            guard.failed(username, address, AccountGuard.Failure.LOCKED_OUT, channel);
            throw new BadCredentialsException(GENERIC_MESSAGE);
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (InternalAuthenticationServiceException e) {
            throw e;
        } catch (DisabledException e) {
            guard.failed(username, address, AccountGuard.Failure.DISABLED, channel);
            throw new BadCredentialsException(GENERIC_MESSAGE);
        } catch (AuthenticationException e) {
            guard.failed(username, address, AccountGuard.Failure.BAD_CREDENTIALS, channel);
            throw new BadCredentialsException(GENERIC_MESSAGE);
        }
        if (result.getPrincipal() instanceof WalkRxPrincipal principal) {
            guard.succeeded(principal, address, channel);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
