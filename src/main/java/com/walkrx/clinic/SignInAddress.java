package com.walkrx.clinic;

import java.time.Instant;

/**
 * One client address's refused sign-ins over a period, across all clinics, for the operator of the deployment:
 * how many, against how many accounts, how many with usernames that match no account, and the last one.
 */
public record SignInAddress(String clientAddress, long attempts, long accounts, long unknownUsernameAttempts,
                            Instant lastAt) {
}
