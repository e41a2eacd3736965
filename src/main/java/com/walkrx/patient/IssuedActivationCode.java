package com.walkrx.patient;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A freshly issued one-time activation code in clear text. It exists only in this record: the database
 * keeps its SHA-256 hash, so it is shown once and can never be read back.
 *
 * @param code       the code as the patient types it, grouped for reading, e.g. {@code K7QX-3MPA-9TRW}
 * @param expiresAt  the instant it stops working
 * @param validUntil the clinic's calendar day on which it stops working
 */
public record IssuedActivationCode(String code, Instant expiresAt, LocalDate validUntil) {

    @Override
    public String toString() {
        return "IssuedActivationCode[code=****, expiresAt=" + expiresAt + "]";
    }
}
