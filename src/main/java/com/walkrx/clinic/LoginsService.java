package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.AccountGuard;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.ClientAddress;
import com.walkrx.base.security.UserSessions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ending a user's logins everywhere (password change or reset, a lost phone) and changing one's own
 * password. Ending is durable and needs no message between instances: every token is revoked in
 * PostgreSQL, and the user's "logins valid after" instant is set, which every instance checks on every
 * request of a session; this instance also closes its own sessions of the user at once.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LoginsService {

    private final JdbcClient jdbc;
    private final ApiTokenService tokens;
    private final UserSessions sessions;
    private final PasswordEncoder passwordEncoder;
    private final LoginSecurity loginSecurity;
    private final AuditService audit;

    /**
     * Ends every session and token of a patient's login and returns how many tokens were revoked. The
     * care-team check and its audit entry are the patient module's, which calls this after them.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public int endPatientLogins(Caller caller, long patientUserId) {
        return endAll(patientUserId, null, null);
    }

    /**
     * Changes the caller's own password after checking the current one. The caller's other sessions and
     * tokens end; the session or token making the request ({@code keepSessionId}, {@code keepTokenId})
     * stays. Returns the instant from which logins are valid (the caller's session renews its password
     * factor with it). A wrong current password counts towards the login throttle.
     */
    @Transactional(noRollbackFor = InvalidInputException.class) // keeps the throttle's record of a wrong password
    public Instant changePassword(Caller caller, String currentPassword, String newPassword, String keepSessionId,
                                  Long keepTokenId) {
        String address = ClientAddress.current();
        String hash = jdbc.sql("select password_hash from app_user where id = :u and enabled")
                .param("u", caller.userId()).query(String.class).optional().orElse(null);
        boolean locked = loginSecurity.lockedOut(caller.username(), address);
        if (hash == null || locked || currentPassword == null || currentPassword.isEmpty()
                || !passwordEncoder.matches(currentPassword, hash)) {
            loginSecurity.failed(caller.username(), address,
                    locked ? AccountGuard.Failure.LOCKED_OUT : AccountGuard.Failure.BAD_CREDENTIALS,
                    AccountGuard.Channel.API);
            throw new InvalidInputException("currentPassword", locked
                    ? "cannot be checked now: too many recent failures; try again later"
                    : "is not your current password");
        }
        List<FieldProblem> problems = PasswordPolicy.problems("newPassword", newPassword, caller.username());
        if (problems.isEmpty() && newPassword.equals(currentPassword)) {
            problems = List.of(new FieldProblem("newPassword", "must differ from your current password"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update app_user set password_hash = :h, version = version + 1 where id = :u")
                .param("h", passwordEncoder.encode(newPassword)).param("u", caller.userId()).update();
        Instant validAfter = Instant.now();
        endAll(caller.userId(), keepSessionId, keepTokenId, validAfter);
        audit.recordAnonymous(caller.clinicId(), caller.userId(), caller.username(), AuditAction.CHANGED_PASSWORD,
                true, "changed own password; other sessions and tokens ended", address);
        return validAfter;
    }

    /** Ends every session and token of the user except the ones named; returns how many tokens were revoked. */
    int endAll(long userId, String keepSessionId, Long keepTokenId) {
        return endAll(userId, keepSessionId, keepTokenId, Instant.now());
    }

    private int endAll(long userId, String keepSessionId, Long keepTokenId, Instant validAfter) {
        // The JVM's clock, like the factor times of a session's authentication it is compared with.
        jdbc.sql("update app_user set logins_valid_after = :at where id = :u")
                .param("at", Timestamp.from(validAfter)).param("u", userId).update();
        int revoked = tokens.revokeAll(userId, keepTokenId);
        afterCommit(() -> sessions.endSessionsOf(userId, keepSessionId));
        return revoked;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
