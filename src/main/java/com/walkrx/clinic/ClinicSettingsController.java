package com.walkrx.clinic;

import com.walkrx.base.security.Caller;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/v1/clinic/settings} (ADMIN): a PUT changes only the fields it names. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ClinicSettingsController {

    private final ClinicSettingsService settings;

    @GetMapping("/api/v1/clinic/settings")
    @PreAuthorize("hasRole('ADMIN')")
    ClinicSettings get(Caller caller) {
        return settings.get(caller);
    }

    @PutMapping("/api/v1/clinic/settings")
    @PreAuthorize("hasRole('ADMIN')")
    ClinicSettings put(Caller caller, @RequestBody ClinicSettings change) {
        return settings.update(caller, change);
    }
}
