package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.EmailAddress;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.Role;
import com.walkrx.base.security.UserSessions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic admin's management of the clinic's staff (clinicians and admins): invite with a one-time
 * setup code, deactivate (which ends the person's sessions at once) and reactivate, and password
 * resets with a one-time code. Codes are stored as hashes and expire.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StaffService {

    static final Duration SETUP_CODE_VALIDITY = Duration.ofHours(72);
    static final Duration RESET_CODE_VALIDITY = Duration.ofHours(24);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,49}");
    private static final List<Role> STAFF = List.of(Role.CLINICIAN, Role.ADMIN);

    private final AppUserRepository users;
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final UserSessions sessions;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LoginsService logins;
    private final LoginSecurity loginSecurity;
    private final List<DeactivationGuard> deactivationGuards;

    /** One page of the clinic's clinicians and admins, by name. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserSummary> staff(Caller caller, int offset, int limit) {
        return jdbc.sql("select id, clinic_id, username, display_name, role, enabled, email from app_user "
                        + "where clinic_id = :clinic and role in ('CLINICIAN', 'ADMIN') "
                        + "order by lower(display_name), id offset :offset limit :limit")
                .param("clinic", caller.clinicId())
                .param("offset", Math.max(0, offset))
                .param("limit", Math.max(0, Math.min(limit, 500)))
                .query((rs, n) -> new UserSummary(rs.getLong("id"), rs.getLong("clinic_id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                        rs.getString("email")))
                .list();
    }

    /** Invites a clinician or admin without an e-mail address (see the overload). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedCode invite(Caller caller, String username, String displayName, Role role) {
        return invite(caller, username, displayName, role, null);
    }

    /**
     * Invites a clinician or admin: creates the account without a usable password and returns its setup code. The
     * optional e-mail address is where escalations of unacknowledged flags reach them.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedCode invite(Caller caller, String username, String displayName, Role role, String email) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = username == null ? "" : username.trim();
        String display = displayName == null ? "" : displayName.trim();
        if (!USERNAME.matcher(name).matches()) {
            problems.add(new FieldProblem("username",
                    "must be 3 to 50 letters, digits, dots, dashes or underscores, starting with a letter or digit"));
        } else if (users.existsByUsernameIgnoreCase(name)) {
            problems.add(new FieldProblem("username", "is already taken"));
        }
        if (display.isEmpty() || display.length() > 100) {
            problems.add(new FieldProblem("displayName", "must be 1 to 100 characters"));
        }
        if (role == null || !STAFF.contains(role)) {
            problems.add(new FieldProblem("role", "must be CLINICIAN or ADMIN"));
        }
        EmailAddress.problem("email", email).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AppUser newUser = new AppUser(caller.clinicId(), name,
                passwordEncoder.encode(AccountCodes.unusablePassword()), role, display);
        newUser.setEmail(EmailAddress.clean(email));
        AppUser user = users.saveAndFlush(newUser);
        IssuedCode code = issue(caller, user, "SETUP", SETUP_CODE_VALIDITY);
        audit.record(caller, AuditAction.MANAGED_USER, null, true, "invited " + name + " as " + role);
        return code;
    }

    /**
     * Deactivates a staff account; its sessions end at once and it can no longer log in or use the API. Refused
     * while a module's {@link DeactivationGuard} says the account must stay (the only active clinician of a patient
     * with unresolved flags).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary deactivate(Caller caller, long userId) {
        AppUser user = staffMember(caller, userId);
        if (user.getId() == caller.userId()) {
            throw new InvalidInputException("userId", "you cannot deactivate your own account");
        }
        // Recorded first: a refusal below rolls back and the entry is written again as "not done: <reason>".
        audit.record(caller, AuditAction.MANAGED_USER, null, true, "deactivated " + user.getUsername());
        for (DeactivationGuard guard : deactivationGuards) {
            guard.check(caller.clinicId(), user.getId(), user.getDisplayName());
        }
        user.setEnabled(false);
        long id = user.getId();
        sessions.endSessionsEverywhere(id);
        return user.summary();
    }

    /**
     * Sets (or, blank, removes) the e-mail address where escalations reach a staff member. Refused with the field
     * named when it is not an address; audited with the old and the new address.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary setEmail(Caller caller, long userId, String email) {
        EmailAddress.problem("email", email).ifPresent(p -> {
            throw new InvalidInputException(java.util.List.of(p));
        });
        AppUser user = staffMember(caller, userId);
        String before = user.getEmail();
        String after = EmailAddress.clean(email);
        user.setEmail(after);
        audit.record(caller, AuditAction.MANAGED_USER, null, true, "set the e-mail address of " + user.getUsername()
                + " from " + (before == null ? "none" : before) + " to " + (after == null ? "none" : after));
        return user.summary();
    }

    /** Lets a deactivated staff account log in again. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserSummary reactivate(Caller caller, long userId) {
        AppUser user = staffMember(caller, userId);
        user.setEnabled(true);
        audit.record(caller, AuditAction.MANAGED_USER, null, true, "reactivated " + user.getUsername());
        return user.summary();
    }

    /** Issues a one-time code with which the staff member sets a new password; earlier codes stop working. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedCode issueResetCode(Caller caller, long userId) {
        AppUser user = staffMember(caller, userId);
        IssuedCode code = issue(caller, user, "RESET", RESET_CODE_VALIDITY);
        audit.record(caller, AuditAction.MANAGED_USER, null, true, "issued a password reset code for "
                + user.getUsername());
        return code;
    }

    /**
     * Sets a new password with a one-time setup or reset code (no login needed) and returns the
     * account's username. The account's existing sessions end. A wrong, used or expired code, or a weak
     * password, is refused with the field named; nothing changes then.
     */
    @Transactional
    public String setPasswordWithCode(String code, String newPassword, String clientAddress) {
        Instant now = clock.instant();
        if (loginSecurity.codeAttemptsPaused(clientAddress)) {
            throw new InvalidInputException("code", "cannot be checked now: too many wrong codes were tried from "
                    + "your address. Try again later");
        }
        var found = jdbc.sql("select c.id, c.user_id, c.purpose from account_code c join app_user u on u.id = c.user_id "
                        + "where c.code_hash = :hash and c.used_at is null and c.expires_at > :now and u.enabled "
                        + "for update of c")
                .param("hash", AccountCodes.hash(code))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("user_id"),
                        "SETUP".equals(rs.getString("purpose")) ? 1 : 0})
                .optional();
        if (found.isEmpty()) {
            loginSecurity.codeFailed(clientAddress);
            audit.recordAnonymous(null, null, null, AuditAction.CHANGED_PASSWORD, false,
                    "wrong, used or expired one-time code", clientAddress);
            throw new InvalidInputException("code", "is not valid: it may be mistyped, used or expired");
        }
        AppUser user = users.findById(found.get()[1]).orElseThrow();
        List<FieldProblem> problems = PasswordPolicy.problems("password", newPassword, user.getUsername());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        jdbc.sql("update account_code set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(now)).param("user", user.getId()).update();
        audit.recordAnonymous(user.getClinicId(), user.getId(), user.getUsername(), AuditAction.CHANGED_PASSWORD, true,
                found.get()[2] == 1 ? "first password, with setup code" : "new password, with reset code",
                clientAddress);
        // Every session and API token of the account ends, on every instance. A browser still logged in as the
        // account that sets the password is logged out here and now instead, so the page can say it worked.
        sessions.logOutCurrentSessionOf(user.getId());
        logins.endAll(user.getId(), null, null);
        sessions.endSessionsEverywhere(user.getId());
        return user.getUsername();
    }

    private AppUser staffMember(Caller caller, long userId) {
        return users.findByIdAndClinicId(userId, caller.clinicId())
                .filter(u -> STAFF.contains(u.getRole()))
                .orElseThrow(() -> new NotFoundException("Staff member"));
    }

    private IssuedCode issue(Caller caller, AppUser user, String purpose, Duration validity) {
        Instant now = clock.instant();
        jdbc.sql("update account_code set used_at = :now where user_id = :user and used_at is null")
                .param("now", Timestamp.from(now)).param("user", user.getId()).update();
        String code = AccountCodes.newCode();
        Instant expires = now.plus(validity);
        jdbc.sql("insert into account_code (id, clinic_id, user_id, purpose, code_hash, expires_at, created_by) "
                        + "values (nextval('account_code_seq'), :clinic, :user, :purpose, :hash, :expires, :by)")
                .param("clinic", user.getClinicId())
                .param("user", user.getId())
                .param("purpose", purpose)
                .param("hash", AccountCodes.hash(code))
                .param("expires", Timestamp.from(expires))
                .param("by", caller.userId())
                .update();
        return new IssuedCode(user.getId(), user.getUsername(), user.getDisplayName(), code, expires);
    }
}
