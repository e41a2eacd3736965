package com.walkrx.clinic;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.base.ui.ClinicLocales;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic admin's settings of their own clinic; every change is audited. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClinicSettingsService {

    private final JdbcClient jdbc;
    private final AuditService audit;

    /** The caller's clinic's settings. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ClinicSettings get(Caller caller) {
        return new ClinicSettings(staffMfaRequired(caller.clinicId()), locale(caller.clinicId()));
    }

    /** Applies the fields that are not null and returns the settings as they are now. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ClinicSettings update(Caller caller, ClinicSettings change) {
        if (change.locale() != null && !ClinicLocales.supported(change.locale())) {
            throw new InvalidInputException("locale", "must be one of " + String.join(", ", ClinicLocales.SUPPORTED));
        }
        if (change.staffMfaRequired() != null) {
            setStaffMfaRequired(caller, change.staffMfaRequired());
        }
        if (change.locale() != null) {
            setLocale(caller, change.locale());
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

    // --- dates and language (issue 20) ---

    private String locale(long clinicId) {
        return jdbc.sql("select locale from clinic where id = :c").param("c", clinicId).query(String.class).single();
    }

    private void setLocale(Caller caller, String tag) {
        String before = locale(caller.clinicId());
        if (before.equals(tag)) {
            return;
        }
        jdbc.sql("update clinic set locale = :l where id = :c").param("l", tag).param("c", caller.clinicId()).update();
        audit.record(caller, AuditAction.CHANGED_CLINIC_SETTINGS, null, true,
                "dates written in " + tag + " (was " + before + ")");
    }

    // ---- Clinical workflow settings (issue 20) ----

    /** The safety settings of the caller's own clinic (any signed-in user: patients see the safety numbers). */
    public ClinicSafetySettings forCaller(Caller caller) {
        return jdbc.sql("""
                        select urgent_escalation_minutes, high_escalation_minutes, locale, emergency_number,
                               urgent_advice_line, clinic_phone
                        from clinic where id = :id""")
                .param("id", caller.clinicId())
                .query((rs, n) -> new ClinicSafetySettings(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .single();
    }
}
