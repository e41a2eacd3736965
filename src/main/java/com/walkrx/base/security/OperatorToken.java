package com.walkrx.base.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator of the deployment (who runs the instances, not a clinic) reaches the platform's management endpoints
 * with {@code Authorization: Bearer <WALKRX_OPERATOR_TOKEN>}. Without the setting nobody does. Only the token's
 * SHA-256 is kept, and compared in constant time.
 */
@Component
public class OperatorToken {

    /** A token shorter than this is refused at start-up: it could be guessed. */
    static final int MIN_LENGTH = 32;
    private static final String PREFIX = "Bearer ";

    private final byte[] hash;

    OperatorToken(@Value("${walkrx.operator.token:}") String token) {
        if (!token.isEmpty() && token.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException("walkrx.operator.token (WALKRX_OPERATOR_TOKEN) must be at least "
                    + MIN_LENGTH + " characters, e.g. from: openssl rand -base64 32");
        }
        this.hash = token.isEmpty() ? null : sha256(token.strip());
    }

    /** True when the request carries the operator's token (and one is configured). */
    public boolean presentIn(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (hash == null || header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return MessageDigest.isEqual(hash, sha256(header.substring(PREFIX.length()).strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
