package com.walkrx.base.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a few minutes which (password, stored hash) pairs bcrypt has already accepted, so a stateless
 * API client sending HTTP Basic on every request pays for one bcrypt per {@link #TTL}, not one per request.
 * <p>
 * Validity is decided by PostgreSQL, not by this cache: an entry is keyed by a SHA-256 of a per-process random
 * salt, the <em>stored</em> password hash and the presented password. The stored hash is read from
 * {@code app_user} on every request (the same query that loads the user and its {@code enabled} flag), so a
 * password change or reset on any instance writes a new hash and no entry matches it any more; a deactivated
 * account is refused by the enabled check that follows the password check. Only successful verifications are
 * remembered: a wrong password always goes to bcrypt (and to the login throttle). Neither the password nor the
 * hash is kept, only the digest; the salt makes the digests useless outside this process.
 */
final class VerifiedCredentialCache implements PasswordEncoder {

    /** How long one verification stands in for bcrypt. */
    static final Duration TTL = Duration.ofMinutes(5);
    /** At most this many remembered verifications (one per user and password in use). */
    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[32];
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    VerifiedCredentialCache(PasswordEncoder delegate) {
        this(delegate, System::nanoTime);
    }

    VerifiedCredentialCache(PasswordEncoder delegate, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        long now = nanoTime.getAsLong();
        Long expiry = expiries.get(key);
        if (expiry != null) {
            if (now - expiry < 0) {
                return true;
            }
            expiries.remove(key, expiry);
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            remember(key, now + TTL.toNanos(), now);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** The number of verifications remembered now (expired ones included until they are swept). */
    int size() {
        return expiries.size();
    }

    private void remember(String key, long expiry, long now) {
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.values().removeIf(e -> now - e >= 0);
            if (expiries.size() >= MAX_ENTRIES) {
                expiries.clear(); // bounded: the next requests simply verify with bcrypt again
            }
        }
        expiries.put(key, expiry);
    }

    private String key(CharSequence rawPassword, String encodedPassword) {
        MessageDigest sha = sha256();
        sha.update(salt);
        byte[] hash = encodedPassword.getBytes(StandardCharsets.UTF_8);
        sha.update(lengthPrefix(hash.length));
        sha.update(hash);
        sha.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] lengthPrefix(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
