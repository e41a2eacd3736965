package com.walkrx.clinic;

import com.walkrx.base.security.AccountGuard;
import java.time.Instant;

/**
 * Refused sign-ins from one client address for one account (none: {@code username} and {@code displayName} are
 * null when the name typed matches no account) for one reason and door, within the hour from
 * {@code windowStart}: {@code attempts} of them, the first and the last at these times.
 */
public record SignInFailure(long id, Instant windowStart, String clientAddress, String username, String displayName,
                            AccountGuard.Failure reason, AccountGuard.Channel channel, int attempts, Instant firstAt,
                            Instant lastAt) {
}
