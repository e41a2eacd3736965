package com.walkrx.patient;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.AccountGuard;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.ClientAddress;
import com.walkrx.base.security.Role;
import com.walkrx.clinic.ClinicService;
import com.walkrx.clinic.PasswordPolicy;
import com.walkrx.clinic.UserSummary;
import com.walkrx.clinic.UsernameTakenException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A patient turns their one-time activation code into their own login; no caller, no session needed. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActivationService {

    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    /** The password rule as a form shows it. */
    public static final String PASSWORD_HINT = PasswordPolicy.HINT;
    /** What a username may look like. */
    public static final String USERNAME_RULE = "3 to 50 characters: letters, digits and . _ - @ +";

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+\\-]{3,50}");
    private static final String CODE_PROBLEM =
            "is not valid: it may be mistyped, already used or expired. Ask your clinic for a new code";

    private final ActivationCodes codes;
    private final ClinicService clinics;
    private final AuditService audit;
    private final JdbcClient jdbc;
    private final EntityManager entityManager;
    private final Clock clock;

    private final AccountGuard guard;

    /**
     * Creates the patient's login from a valid code, in one transaction: the code row is locked, so a code
     * used twice at once yields one account. A wrong, used or expired code or a weak password is
     * {@link InvalidInputException} (fields {@code code}, {@code username}, {@code password}); a taken
     * username is {@link ConflictException} {@code USERNAME_TAKEN}.
     */
    @Transactional
    public ActivatedAccount activate(String code, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("username", "is required"));
        } else if (!USERNAME.matcher(name).matches()) {
            problems.add(new FieldProblem("username", "must be " + USERNAME_RULE));
        }
        problems.addAll(PasswordPolicy.problems("password", password, name));

        String address = ClientAddress.current();
        if (guard.codeAttemptsPaused(address)) {
            // one-time codes are throttled per address like logins; the code is not even looked up
            throw new InvalidInputException("code", "cannot be checked now: too many wrong codes were tried from "
                    + "your address. Try again later");
        }
        Optional<ActivationCodes.Locked> found = code == null || code.isBlank() ? Optional.empty() : codes.lock(code);
        Instant now = clock.instant();
        boolean codeValid = found.isPresent() && found.get().usedAt() == null && now.isBefore(found.get().expiresAt())
                && !found.get().patientHasAccount();
        if (!codeValid) {
            if (code != null && !code.isBlank()) {
                guard.codeFailed(address);
            }
            problems.add(0, new FieldProblem("code", code == null || code.isBlank() ? "is required" : CODE_PROBLEM));
            audit.recordAnonymous(found.map(ActivationCodes.Locked::clinicId).orElse(null), null, name,
                    AuditAction.ACCOUNT_ACTIVATED, false, reason(found, now), ClientAddress.current());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActivationCodes.Locked row = found.orElseThrow();

        if (clinics.usernameTaken(name)) {
            throw usernameTaken();
        }
        UserSummary user;
        try {
            user = clinics.createUser(row.clinicId(), name, password, Role.PATIENT,
                    row.givenName() + " " + row.familyName());
            // Insert now, so a username taken by a concurrent activation is a 409 here, not a 500 at commit.
            entityManager.flush();
        } catch (UsernameTakenException | DataIntegrityViolationException e) {
            throw usernameTaken();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw usernameTaken();
            }
            throw e;
        }
        int linked = jdbc.sql("update patient set user_id = :user, version = version + 1 where id = :patient and user_id is null")
                .param("user", user.id())
                .param("patient", row.patientId())
                .update();
        if (linked != 1) {
            throw new InvalidInputException("code", CODE_PROBLEM);
        }
        codes.markUsed(row.id());
        audit.record(new Caller(user.id(), row.clinicId(), Role.PATIENT, row.patientId(), user.username()),
                AuditAction.ACCOUNT_ACTIVATED, row.patientId(), true, null);
        return new ActivatedAccount(user.id(), user.username(), row.patientId());
    }

    private static ConflictException usernameTaken() {
        return new ConflictException("USERNAME_TAKEN", "This username is already taken; choose another.");
    }

    private static String reason(Optional<ActivationCodes.Locked> found, Instant now) {
        if (found.isEmpty()) {
            return "unknown code";
        }
        if (found.get().usedAt() != null || found.get().patientHasAccount()) {
            return "code already used";
        }
        return now.isBefore(found.get().expiresAt()) ? "code refused" : "code expired";
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
