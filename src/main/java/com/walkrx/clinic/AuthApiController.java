package com.walkrx.clinic;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.MfaProblem;
import com.walkrx.base.security.PasswordCheck;
import com.walkrx.base.security.WalkRxPrincipal;
import java.time.Instant;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens, the second factor and one's own password over the API (API.md, "Tokens and multi-factor
 * authentication"). A token request is a login: the same throttle and audit as HTTP Basic.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AuthApiController {

    static final int MAX_DEVICE_NAME = 100;

    private final PasswordCheck passwords;
    private final ApiTokenService tokens;
    private final MfaService mfa;
    private final LoginsService logins;
    private final CurrentUser currentUser;

    record TokenRequest(String username, String password, String otp, String deviceName) {
        @Override
        public String toString() {
            return "TokenRequest[username=" + username + ", deviceName=" + deviceName + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenReply(long id, String token, Instant expiresAt, String scope) {
    }

    record TokenItem(long id, String deviceName, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {
    }

    record TokenList(List<TokenItem> items) {
    }

    @PostMapping("/api/v1/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenReply issue(@RequestBody TokenRequest body) {
        String device = body.deviceName() == null || body.deviceName().isBlank() ? "Unnamed device"
                : body.deviceName().strip();
        if (device.length() > MAX_DEVICE_NAME || device.indexOf('\0') >= 0) {
            throw new InvalidInputException(List.of(new FieldProblem("deviceName",
                    "must be at most " + MAX_DEVICE_NAME + " characters")));
        }
        WalkRxPrincipal user = passwords.check(body.username() == null ? "" : body.username(),
                body.password() == null ? "" : body.password());
        ApiTokenService.IssuedToken issued = switch (user.secondFactor()) {
            case NOT_REQUIRED -> tokens.issue(user, device, ApiTokenService.Scope.FULL, false);
            case ENROLMENT_REQUIRED -> tokens.issue(user, device, ApiTokenService.Scope.MFA_ENROLMENT, false);
            case REQUIRED -> {
                if (body.otp() == null || body.otp().isBlank()) {
                    throw new MfaProblem(MfaProblem.MFA_REQUIRED);
                }
                if (!mfa.verify(user.userId(), body.otp())) {
                    passwords.secondFactorFailed(user.getUsername());
                    throw new MfaProblem(MfaProblem.MFA_REQUIRED);
                }
                yield tokens.issue(user, device, ApiTokenService.Scope.FULL, true);
            }
        };
        return new TokenReply(issued.id(), issued.token(), issued.expiresAt(),
                issued.scope() == ApiTokenService.Scope.MFA_ENROLMENT ? issued.scope().name() : null);
    }

    @GetMapping("/api/v1/auth/tokens")
    TokenList list() {
        return new TokenList(tokens.list(currentUser.require()).stream()
                .map(t -> new TokenItem(t.id(), t.deviceName(), t.createdAt(), t.lastUsedAt(), t.expiresAt()))
                .toList());
    }

    @DeleteMapping("/api/v1/auth/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(currentUser.require(), id);
    }

    record Otp(String otp) {
    }

    record TotpReply(String secret, String otpauthUri) {
    }

    record ConfirmReply(List<String> recoveryCodes) {
    }

    @PostMapping("/api/v1/me/mfa/totp")
    @ResponseStatus(HttpStatus.CREATED)
    TotpReply beginTotp() {
        MfaService.TotpEnrolment e = mfa.beginTotp(currentUser.require());
        return new TotpReply(e.secret(), e.otpauthUri());
    }

    @PostMapping("/api/v1/me/mfa/totp/confirm")
    ConfirmReply confirmTotp(@RequestBody Otp body) {
        return new ConfirmReply(mfa.confirmTotp(currentUser.require(), body.otp()));
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    @PostMapping("/api/v1/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange body) {
        logins.changePassword(currentUser.require(), body.currentPassword(), body.newPassword(), null,
                currentUser.tokenId().orElse(null));
    }
}
