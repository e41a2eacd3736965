package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.AccountGuard;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.ClientAddress;
import com.walkrx.base.security.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff second factor: TOTP (RFC 6238, 6 digits, 30 s) set up with a QR code and confirmed with a code,
 * ten one-time recovery codes (stored as hashes), verification with replay protection (a code is
 * accepted once, on every instance: the last accepted time step is in PostgreSQL), and an admin's reset.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MfaService {

    static final int RECOVERY_CODES = 10;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MfaService.class);
    static final String ISSUER = "WalkRx";

    /** A factor being set up: the secret (also inside the URI) appears only now. */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    /** Where the caller stands. */
    public record FactorStatus(boolean totpActive, boolean totpPending, int recoveryCodesLeft) {
    }

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final LoginsService logins;
    private final LoginSecurity loginSecurity;
    private final TotpSecrets secrets;

    /** The outcome of a code typed at login. */
    public enum Verification { ACCEPTED, WRONG, PAUSED }

    @Transactional(readOnly = true)
    public FactorStatus status(Caller caller) {
        Optional<Boolean> confirmed = jdbc.sql("select confirmed_at is not null from totp_factor where user_id = :u")
                .param("u", caller.userId()).query(Boolean.class).optional();
        int left = jdbc.sql("select count(*) from recovery_code where user_id = :u and used_at is null")
                .param("u", caller.userId()).query(Integer.class).single();
        return new FactorStatus(confirmed.orElse(false), confirmed.map(c -> !c).orElse(false), left);
    }

    /**
     * Starts (or restarts) setting up an authenticator app: a new secret, not active until confirmed.
     * Staff only; refused while a confirmed factor exists (an admin resets it first).
     */
    @Transactional
    public TotpEnrolment beginTotp(Caller caller) {
        if (caller.role() == Role.PATIENT) {
            throw new ConflictException("MFA_NOT_FOR_PATIENTS", "A second factor is for staff accounts.");
        }
        if (status(caller).totpActive()) {
            throw new ConflictException("MFA_ALREADY_SET_UP",
                    "An authenticator app is already set up; your clinic admin can reset it.");
        }
        String secret = Totp.newSecret();
        jdbc.sql("""
                        insert into totp_factor (user_id, clinic_id, secret, created_at) values (:u, :c, :s, :now)
                        on conflict (user_id) do update set secret = excluded.secret, created_at = excluded.created_at,
                            confirmed_at = null, last_step = null""")
                .param("u", caller.userId()).param("c", caller.clinicId()).param("s", secrets.seal(caller.userId(), secret))
                .param("now", Timestamp.from(clock.instant())).update();
        return new TotpEnrolment(secret, Totp.otpauthUri(ISSUER, caller.username(), secret));
    }

    /**
     * Activates the pending factor with a code from the app and returns ten new recovery codes (shown
     * once). A wrong code is refused naming {@code otp}; nothing changes then.
     */
    @Transactional
    public List<String> confirmTotp(Caller caller, String otp) {
        var pending = jdbc.sql("select secret from totp_factor where user_id = :u and confirmed_at is null for update")
                .param("u", caller.userId()).query(String.class).optional();
        if (pending.isEmpty()) {
            throw new InvalidInputException("otp", "there is no authenticator set-up to confirm: start one first");
        }
        Instant now = clock.instant();
        long step = Totp.matchingStep(secrets.open(caller.userId(), pending.get()), otp, now, null);
        if (step < 0) {
            audit.record(caller, AuditAction.CHANGED_SECOND_FACTOR, null, false, "wrong code when confirming TOTP");
            throw new InvalidInputException("otp", "is not the current code of your authenticator app");
        }
        // Confirming proves the app works; it is not a login, so the same code may still log in once.
        jdbc.sql("update totp_factor set confirmed_at = :now, last_step = null where user_id = :u")
                .param("now", Timestamp.from(now)).param("u", caller.userId()).update();
        audit.record(caller, AuditAction.CHANGED_SECOND_FACTOR, null, true, "set up an authenticator app (TOTP)");
        return newRecoveryCodes(caller.userId());
    }

    /** Replaces the caller's recovery codes with ten new ones (the old ones stop working). */
    @Transactional
    public List<String> regenerateRecoveryCodes(Caller caller) {
        if (!status(caller).totpActive()) {
            throw new ConflictException("MFA_NOT_SET_UP", "Set up an authenticator app first.");
        }
        audit.record(caller, AuditAction.CHANGED_SECOND_FACTOR, null, true, "new recovery codes");
        return newRecoveryCodes(caller.userId());
    }

    /**
     * True when the code is the user's current TOTP code (not used before) or one of their unused
     * recovery codes (used up now). Safe with several instances: both are conditional updates.
     */
    @Transactional
    public boolean verify(long userId, String code) {
        String typed = code == null ? "" : code.strip();
        if (typed.isEmpty() || typed.length() > 40) {
            return false;
        }
        var secret = jdbc.sql("select secret, last_step from totp_factor where user_id = :u and confirmed_at is not null")
                .param("u", userId)
                .query((rs, n) -> new Object[] {rs.getString("secret"), (Long) rs.getObject("last_step")}).optional();
        if (secret.isEmpty()) {
            return false;
        }
        long step = totpStep(userId, (String) secret.get()[0], typed, (Long) secret.get()[1]);
        if (step >= 0) {
            return jdbc.sql("update totp_factor set last_step = :s where user_id = :u and (last_step is null or last_step < :s)")
                    .param("s", step).param("u", userId).update() == 1;
        }
        return jdbc.sql("update recovery_code set used_at = :now where id = (select id from recovery_code "
                        + "where user_id = :u and code_hash = :h and used_at is null limit 1 for update)")
                .param("now", Timestamp.from(clock.instant())).param("u", userId)
                .param("h", AccountCodes.hash(typed)).update() == 1;
    }

    /** The time step the typed code matches, or -1; a secret that does not open matches nothing (recovery codes still do). */
    private long totpStep(long userId, String stored, String typed, Long lastStep) {
        String plain;
        try {
            plain = secrets.open(userId, stored);
        } catch (IllegalStateException e) {
            log.error("The authenticator secret of user {} opens with neither WALKRX_MFA_KEY nor "
                    + "WALKRX_MFA_KEY_PREVIOUS: only a recovery code signs them in until an admin resets it", userId);
            return -1;
        }
        return Totp.matchingStep(plain, typed, clock.instant(), lastStep);
    }

    /**
     * The second step of a login on the login page: the code is checked behind the login throttle (a wrong
     * code counts like a wrong password, so the 10^6 codes cannot be tried), and the result audited.
     */
    @Transactional
    public Verification verifyAtLogin(Caller caller, String code) {
        String address = ClientAddress.current();
        if (loginSecurity.lockedOut(caller.username(), address)) {
            loginSecurity.failed(caller.username(), address, AccountGuard.Failure.LOCKED_OUT, AccountGuard.Channel.FORM);
            return Verification.PAUSED;
        }
        if (!verify(caller.userId(), code)) {
            loginSecurity.failed(caller.username(), address, AccountGuard.Failure.WRONG_SECOND_FACTOR,
                    AccountGuard.Channel.FORM);
            return Verification.WRONG;
        }
        audit.recordAnonymous(caller.clinicId(), caller.userId(), caller.username(), AuditAction.LOGGED_IN, true,
                "login form: second factor", address);
        return Verification.ACCEPTED;
    }

    /** An admin removes a staff member's factor (a lost phone): they set one up again at their next login. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void reset(Caller caller, long userId) {
        String username = jdbc.sql("select username from app_user where id = :u and clinic_id = :c and role <> 'PATIENT'")
                .param("u", userId).param("c", caller.clinicId()).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("Staff member"));
        int removed = jdbc.sql("delete from totp_factor where user_id = :u").param("u", userId).update();
        jdbc.sql("delete from recovery_code where user_id = :u").param("u", userId).update();
        audit.record(caller, AuditAction.CHANGED_SECOND_FACTOR, null, true, "reset the second factor of " + username
                + (removed == 0 ? " (none was set up)" : ""));
        logins.endAll(userId, null, null);
    }

    /** Whether a staff member has an active factor (for the admin's staff list). */
    @Transactional(readOnly = true)
    public boolean hasFactor(long userId) {
        return jdbc.sql("select count(*) from totp_factor where user_id = :u and confirmed_at is not null")
                .param("u", userId).query(Integer.class).single() > 0;
    }

    private List<String> newRecoveryCodes(long userId) {
        jdbc.sql("delete from recovery_code where user_id = :u").param("u", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = AccountCodes.newCode();
            codes.add(code);
            jdbc.sql("insert into recovery_code (id, user_id, code_hash) values (nextval('recovery_code_seq'), :u, :h)")
                    .param("u", userId).param("h", AccountCodes.hash(code)).update();
        }
        return codes;
    }
}
