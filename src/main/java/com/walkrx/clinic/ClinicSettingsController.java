package com.walkrx.clinic;

import com.walkrx.base.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/v1/clinic/settings} (ADMIN): a PUT changes only the fields it names. */
@RestController
class ClinicSettingsController {

    private final ClinicSettingsService settings;
    private final CurrentUser currentUser;

    ClinicSettingsController(ClinicSettingsService settings, CurrentUser currentUser) {
        this.settings = settings;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/v1/clinic/settings")
    @PreAuthorize("hasRole('ADMIN')")
    ClinicSettings get() {
        return settings.get(currentUser.require());
    }

    @PutMapping("/api/v1/clinic/settings")
    @PreAuthorize("hasRole('ADMIN')")
    ClinicSettings put(@RequestBody ClinicSettings change) {
        return settings.update(currentUser.require(), change);
    }
}
