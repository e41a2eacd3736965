package com.walkrx.clinic;

import com.walkrx.base.security.AccountGuard.Channel;
import com.walkrx.base.security.AccountGuard.Failure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts refused sign-ins: one {@code sign_in_failure} row per client address, account (none for a username that
 * matches no account), reason, door and {@link #WINDOW}, whose count grows with each attempt. One upsert per
 * attempt, so a client retrying hundreds of times a second adds no rows.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SignInFailureLog {

    /** The length of a counting window (windows start on the hour, UTC). */
    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;

    /**
     * Counts one attempt and returns how many the row holds now: 1 for the first of its window (the one an
     * aggregated refusal is audited for).
     */
    int count(Instant at, String clientAddress, Long clinicId, Long userId, Failure reason, Channel channel) {
        return jdbc.sql("""
                        insert into sign_in_failure (window_start, client_address, clinic_id, user_id, reason, channel,
                                                     attempts, first_at, last_at)
                        values (:window, :address, :clinic, :user, :reason, :channel, 1, :at, :at)
                        on conflict on constraint sign_in_failure_key do update
                            set attempts = sign_in_failure.attempts + 1,
                                first_at = least(sign_in_failure.first_at, excluded.first_at),
                                last_at = greatest(sign_in_failure.last_at, excluded.last_at)
                        returning attempts""")
                .param("window", Timestamp.from(windowStart(at)))
                .param("address", clientAddress)
                .param("clinic", clinicId)
                .param("user", userId)
                .param("reason", reason.name())
                .param("channel", channel.name())
                .param("at", Timestamp.from(at))
                .query(Integer.class).single();
    }

    static Instant windowStart(Instant at) {
        long seconds = WINDOW.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }
}
