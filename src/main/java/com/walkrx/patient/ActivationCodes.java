package com.walkrx.patient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time activation codes: 12 characters from an alphabet without look-alikes (no I, L, O, 0, 1),
 * about 59 bits from {@link SecureRandom}, valid 14 days. Only the SHA-256 hash is stored.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ActivationCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;
    static final Duration VALIDITY = Duration.ofDays(14);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    /** A code row, locked for the rest of the transaction, with what activation needs to know. */
    record Locked(long id, long clinicId, long patientId, Instant expiresAt, Instant usedAt, boolean patientHasAccount,
                  String givenName, String familyName) {
    }

    /** Invalidates the patient's unused codes, stores a new one and returns it in clear text (once). */
    IssuedActivationCode issue(long clinicId, long patientId) {
        Instant now = clock.instant();
        jdbc.sql("update activation_code set expires_at = :now where patient_id = :p and used_at is null and expires_at > :now")
                .param("now", Timestamp.from(now))
                .param("p", patientId)
                .update();
        String code = generate();
        Instant expiresAt = now.plus(VALIDITY);
        jdbc.sql("""
                        insert into activation_code (id, clinic_id, patient_id, code_hash, expires_at, created_at)
                        values (nextval('activation_code_seq'), :clinic, :patient, :hash, :expires, :now)
                        """)
                .param("clinic", clinicId)
                .param("patient", patientId)
                .param("hash", hash(code))
                .param("expires", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .update();
        LocalDate validUntil = LocalDate.ofInstant(expiresAt, clock.getZone());
        return new IssuedActivationCode(display(code), expiresAt, validUntil);
    }

    /**
     * Finds the code as typed and locks its row ({@code for update}), so two activations with one code
     * run one after the other and the second sees the first one's {@code used_at}.
     */
    Optional<Locked> lock(String typed) {
        String normalised = normalise(typed);
        if (normalised.length() != LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select c.id, c.clinic_id, c.patient_id, c.expires_at, c.used_at,
                               p.user_id is not null as has_account, p.given_name, p.family_name
                        from activation_code c join patient p on p.id = c.patient_id
                        where c.code_hash = :hash
                        for update of c
                        """)
                .param("hash", hash(normalised))
                .query((rs, n) -> new Locked(rs.getLong("id"), rs.getLong("clinic_id"), rs.getLong("patient_id"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
                        rs.getBoolean("has_account"), rs.getString("given_name"), rs.getString("family_name")))
                .optional();
    }

    void markUsed(long codeId) {
        jdbc.sql("update activation_code set used_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", codeId)
                .update();
    }

    String generate() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Groups of four for reading aloud and typing: {@code K7QX-3MPA-9TRW}. */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** What the patient typed, without spaces or dashes, in capitals. */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    static String hash(String normalisedCode) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalisedCode.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
