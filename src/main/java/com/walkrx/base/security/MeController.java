package com.walkrx.base.security;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the credentials belong to; lets a client check a login. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MeController {

    /** The caller as the API shows it. */
    record Me(long userId, long clinicId, String username, String displayName, Role role, Long patientId) {
    }

    private final CurrentUser currentUser;

    @GetMapping("/api/v1/me")
    Me me() {
        WalkRxPrincipal p = currentUser.principal().orElseThrow();
        return new Me(p.userId(), p.clinicId(), p.getUsername(), p.displayName(), p.role(), p.patientId());
    }
}
