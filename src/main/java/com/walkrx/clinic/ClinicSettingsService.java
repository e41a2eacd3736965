package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic admin's settings of their own clinic; every change is audited. */
@Service
public class ClinicSettingsService {

    private final JdbcClient jdbc;
    private final AuditService audit;

    ClinicSettingsService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The caller's clinic's settings. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ClinicSettings get(Caller caller) {
        return new ClinicSettings(staffMfaRequired(caller.clinicId()));
    }

    /** Applies the fields that are not null and returns the settings as they are now. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ClinicSettings update(Caller caller, ClinicSettings change) {
        if (change.staffMfaRequired() != null) {
            setStaffMfaRequired(caller, change.staffMfaRequired());
        }
        return get(caller);
    }

    // --- sign-in security (issue 14) ---

    private boolean staffMfaRequired(long clinicId) {
        return jdbc.sql("select staff_mfa_required from clinic where id = :c").param("c", clinicId)
                .query(Boolean.class).single();
    }

    private void setStaffMfaRequired(Caller caller, boolean required) {
        boolean before = staffMfaRequired(caller.clinicId());
        if (before == required) {
            return;
        }
        jdbc.sql("update clinic set staff_mfa_required = :r where id = :c").param("r", required)
                .param("c", caller.clinicId()).update();
        audit.record(caller, AuditAction.CHANGED_CLINIC_SETTINGS, null, true, required
                ? "staff must use a second factor (from their next login)"
                : "staff no longer need a second factor");
    }
}
