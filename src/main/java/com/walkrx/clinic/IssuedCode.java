package com.walkrx.clinic;

import java.time.Instant;

/** A one-time setup or reset code as issued: shown to the admin once, never stored in clear. */
public record IssuedCode(long userId, String username, String displayName, String code, Instant expiresAt) {
}
