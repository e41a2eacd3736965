package com.walkrx.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which guidance a patient has already seen open, in the database so every device and app instance agrees:
 * one row per patient with a hash of the guidance last shown open.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class GuidanceViews {

    private final JdbcClient jdbc;

    /**
     * Records that the patient is shown this guidance; true when they had not seen it before (first view, or
     * the text changed since). One statement, so two instances showing it at once agree on a single first view.
     */
    boolean firstView(long patientId, long clinicId, List<String> guidance, Instant now) {
        return jdbc.sql("""
                        insert into guidance_seen (patient_id, clinic_id, content_hash, seen_at)
                        values (:p, :c, :h, :t)
                        on conflict (patient_id) do update set content_hash = excluded.content_hash,
                            seen_at = excluded.seen_at
                        where guidance_seen.content_hash <> excluded.content_hash""")
                .param("p", patientId).param("c", clinicId).param("h", hash(guidance))
                .param("t", Timestamp.from(now)).update() == 1;
    }

    private static String hash(List<String> guidance) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\n", guidance).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
