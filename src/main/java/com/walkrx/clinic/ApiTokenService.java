package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.ApiTokenAuthenticator;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.ClientAddress;
import com.walkrx.base.security.Role;
import com.walkrx.base.security.SecondFactor;
import com.walkrx.base.security.WalkRxPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for phones and integrations: 256 random bits shown once, stored only as their SHA-256
 * (a fast hash suffices for random secrets, and lets a request find its token with one indexed query
 * instead of a bcrypt per request). Patient tokens expire {@link #PATIENT_IDLE} after their last use;
 * staff tokens {@link #STAFF_LIFETIME} after issue; a token that may only set up a second factor
 * {@link #ENROLMENT_LIFETIME} after issue.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ApiTokenService implements ApiTokenAuthenticator {

    static final Duration PATIENT_IDLE = Duration.ofDays(90);
    static final Duration STAFF_LIFETIME = Duration.ofHours(12);
    static final Duration ENROLMENT_LIFETIME = Duration.ofHours(1);
    /** The last use is written at most this often per token (a row update on every request would cost more). */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String PREFIX = "wrx_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token may reach. */
    public enum Scope { FULL, MFA_ENROLMENT }

    /** A new token: the secret appears only here. */
    public record IssuedToken(long id, String token, Instant expiresAt, Scope scope) {
    }

    /** A token as its owner sees it in a list: never the secret. */
    public record TokenInfo(long id, String deviceName, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                            Scope scope) {
    }

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    /** Issues a token for a user whose password (and second factor, where needed) was just checked. */
    @Transactional
    public IssuedToken issue(WalkRxPrincipal user, String deviceName, Scope scope, boolean withSecondFactor) {
        Instant now = clock.instant();
        boolean sliding = user.role() == Role.PATIENT && scope == Scope.FULL;
        Instant expires = now.plus(scope == Scope.MFA_ENROLMENT ? ENROLMENT_LIFETIME
                : sliding ? PATIENT_IDLE : STAFF_LIFETIME);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                        insert into api_token (id, clinic_id, user_id, token_hash, device_name, scope, sliding,
                                               with_second_factor, created_at, expires_at)
                        values (nextval('api_token_seq'), :clinic, :user, :hash, :device, :scope, :sliding, :factor,
                                :now, :expires)
                        returning id""")
                .param("clinic", user.clinicId()).param("user", user.userId()).param("hash", hash(token))
                .param("device", deviceName).param("scope", scope.name()).param("sliding", sliding)
                .param("factor", withSecondFactor).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires))
                .query(Long.class).single();
        audit.recordAnonymous(user.clinicId(), user.userId(), user.getUsername(), AuditAction.ISSUED_API_TOKEN, true,
                "token " + id + " for \"" + deviceName + "\"" + (scope == Scope.MFA_ENROLMENT
                        ? ", second-factor set-up only" : withSecondFactor ? ", with second factor" : ""),
                ClientAddress.current());
        return new IssuedToken(id, token, expires, scope);
    }

    @Override
    public Optional<TokenLogin> authenticate(String token) {
        Instant now = clock.instant();
        Optional<Row> found = jdbc.sql("""
                        select t.id as token_id, t.scope, t.sliding, t.with_second_factor, t.last_used_at,
                               u.id, u.clinic_id, u.username, u.display_name, u.role, p.id as patient_id,
                               c.staff_mfa_required,
                               exists (select 1 from totp_factor f where f.user_id = u.id and f.confirmed_at is not null)
                                   as totp_enrolled
                        from api_token t join app_user u on u.id = t.user_id join clinic c on c.id = u.clinic_id
                             left join patient p on p.user_id = u.id
                        where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and u.enabled
                        """)
                .param("hash", hash(token)).param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString("role"));
                    WalkRxPrincipal p = new WalkRxPrincipal(rs.getLong("id"), rs.getLong("clinic_id"),
                            rs.getString("username"), rs.getString("display_name"), role,
                            (Long) rs.getObject("patient_id"), true, null,
                            SecondFactor.of(role != Role.PATIENT, rs.getBoolean("staff_mfa_required"),
                                    rs.getBoolean("totp_enrolled")));
                    Timestamp last = rs.getTimestamp("last_used_at");
                    return new Row(new TokenLogin(p, rs.getLong("token_id"),
                            Scope.MFA_ENROLMENT.name().equals(rs.getString("scope")),
                            rs.getBoolean("with_second_factor")), rs.getBoolean("sliding"),
                            last == null ? null : last.toInstant());
                })
                .optional();
        found.ifPresent(row -> touch(row, now));
        return found.map(Row::login);
    }

    private record Row(TokenLogin login, boolean sliding, Instant lastUsedAt) {
    }

    /** Records the use (and slides a patient token's expiry) at most once per {@link #TOUCH_INTERVAL}. */
    private void touch(Row row, Instant now) {
        if (row.lastUsedAt() != null && row.lastUsedAt().plus(TOUCH_INTERVAL).isAfter(now)
                && !row.lastUsedAt().isAfter(now)) {
            return;
        }
        jdbc.sql("update api_token set last_used_at = :now, expires_at = case when sliding then :slid else expires_at end "
                        + "where id = :id")
                .param("now", Timestamp.from(now)).param("slid", Timestamp.from(now.plus(PATIENT_IDLE)))
                .param("id", row.login().tokenId()).update();
    }

    /** The caller's live tokens, newest first. */
    @Transactional(readOnly = true)
    public List<TokenInfo> list(Caller caller) {
        return jdbc.sql("""
                        select id, device_name, created_at, last_used_at, expires_at, scope from api_token
                        where user_id = :user and revoked_at is null and expires_at > :now
                        order by created_at desc, id desc limit 200""")
                .param("user", caller.userId()).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("device_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), Scope.valueOf(rs.getString("scope"))))
                .list();
    }

    /** Revokes one of the caller's own tokens; another user's (or an unknown) id is not found. */
    @Transactional
    public void revoke(Caller caller, long tokenId) {
        int revoked = jdbc.sql("update api_token set revoked_at = :now where id = :id and user_id = :user "
                        + "and revoked_at is null and expires_at > :now")
                .param("now", Timestamp.from(clock.instant())).param("id", tokenId).param("user", caller.userId())
                .update();
        if (revoked == 0) {
            throw new NotFoundException("Token");
        }
        audit.record(caller, AuditAction.REVOKED_API_TOKEN, null, true, "token " + tokenId);
    }

    /** Revokes every live token of the user except {@code keep} (the one making the request, or null). */
    int revokeAll(long userId, Long keep) {
        return jdbc.sql("update api_token set revoked_at = :now where user_id = :user and revoked_at is null "
                        + "and (cast(:keep as bigint) is null or id <> :keep)")
                .param("now", Timestamp.from(clock.instant())).param("user", userId).param("keep", keep).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
