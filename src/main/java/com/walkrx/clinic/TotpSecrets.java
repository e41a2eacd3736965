package com.walkrx.clinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The TOTP secrets at rest: AES-256-GCM under a key that is not in the database, so a copy of the database (a
 * backup, a dump) does not give away anyone's second factor. A sealed secret is {@code v1:} and the Base64 of a
 * random 12-byte nonce and the ciphertext; the user's id is the associated data, so a secret copied onto another
 * user's row does not open.
 *
 * <p>The key is {@code WALKRX_MFA_KEY} (32 random bytes in Base64: {@code openssl rand -base64 32}), the same on
 * every instance. Without it, an app on its own embedded database (the development run) keeps a key it
 * generates in a file beside that database; an app on an external database refuses to start, saying so.
 *
 * <p>Rotating the key: start every instance with the new key as {@code WALKRX_MFA_KEY} and the old one as
 * {@code WALKRX_MFA_KEY_PREVIOUS}. A secret opens with either, and {@link TotpSecretSealing} seals every row
 * under the new key at start-up; once every instance runs so, the previous key can be dropped.
 */
@Component
class TotpSecrets {

    static final String PREFIX = "v1:";
    private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final SecretKey previous;

    TotpSecrets(@Value("${walkrx.mfa.key:}") String configured,
                @Value("${walkrx.mfa.previous-key:}") String previousKey,
                @Value("${spring.datasource.url:}") String databaseUrl,
                @Value("${walkrx.embedded-db.dir:./data/postgres}") String embeddedDir) {
        this.key = new SecretKeySpec(keyBytes(configured, databaseUrl, embeddedDir), "AES");
        this.previous = previousKey.isBlank() ? null
                : new SecretKeySpec(decode(previousKey.strip(), "WALKRX_MFA_KEY_PREVIOUS"), "AES");
    }

    /** The stored form of a Base32 secret of this user. */
    String seal(long userId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = crypt(key, Cipher.ENCRYPT_MODE, userId, nonce, secret.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /**
     * The Base32 secret of a stored one, sealed under the key or the previous key; a secret stored before sealing
     * began is returned as it is.
     */
    String open(long userId, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            return openWith(key, userId, stored);
        } catch (GeneralSecurityException underKey) {
            if (previous != null) {
                try {
                    return openWith(previous, userId, stored);
                } catch (GeneralSecurityException ignored) {
                    // neither key: reported below
                }
            }
            // a wrong WALKRX_MFA_KEY, or a row tampered with: the factor cannot be used, and nothing guesses
            throw new IllegalStateException("A stored authenticator secret does not open with WALKRX_MFA_KEY"
                    + (previous == null ? "" : " nor WALKRX_MFA_KEY_PREVIOUS"), underKey);
        }
    }

    /**
     * The stored form under the current key of a stored secret that is plain or sealed under the previous key;
     * empty when it is sealed under the current key already. Throws as {@link #open} does when neither key opens it.
     */
    Optional<String> resealed(long userId, String stored) {
        if (isSealed(stored)) {
            try {
                openWith(key, userId, stored);
                return Optional.empty();
            } catch (GeneralSecurityException notUnderKey) {
                // the previous key's, or neither
            }
        }
        return Optional.of(seal(userId, open(userId, stored)));
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    private static String openWith(SecretKey key, long userId, String stored) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(crypt(key, Cipher.DECRYPT_MODE, userId, nonce, sealed), StandardCharsets.US_ASCII);
    }

    private static byte[] crypt(SecretKey key, int mode, long userId, byte[] nonce, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
        return cipher.doFinal(input);
    }

    private static byte[] keyBytes(String configured, String databaseUrl, String embeddedDir) {
        if (!configured.isBlank()) {
            return decode(configured.strip(), "WALKRX_MFA_KEY");
        }
        if (!databaseUrl.isBlank()) {
            throw new IllegalStateException("WALKRX_MFA_KEY is not set. It encrypts the authenticator secrets in the "
                    + "database and must be the same on every instance: 32 random bytes in Base64, e.g. from "
                    + "`openssl rand -base64 32`.");
        }
        Path file = Path.of(embeddedDir).toAbsolutePath().normalize().resolveSibling("mfa.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).strip(), file.toString());
            }
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Files.createDirectories(file.getParent());
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            log.info("Generated the key of the authenticator secrets for the embedded database: {}", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file + " (the embedded database's MFA key)", e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not Base64 (expected 32 random bytes, e.g. from "
                    + "`openssl rand -base64 32`)", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(source + " holds " + bytes.length + " bytes; it must be 32 (AES-256): "
                    + "`openssl rand -base64 32`");
        }
        return bytes;
    }
}
