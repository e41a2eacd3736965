package com.walkrx.clinic;

import com.walkrx.base.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads a clinic's settings (clinical workflow section: see {@link ClinicSettings}). */
@Service
public class ClinicSettingsService {

    private final JdbcClient jdbc;

    ClinicSettingsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- Clinical workflow settings (issue 20) ----

    /** The settings of the caller's own clinic (any signed-in user: patients see the safety numbers). */
    public ClinicSettings forCaller(Caller caller) {
        return jdbc.sql("""
                        select urgent_escalation_minutes, high_escalation_minutes, locale, emergency_number,
                               urgent_advice_line, clinic_phone
                        from clinic where id = :id""")
                .param("id", caller.clinicId())
                .query((rs, n) -> new ClinicSettings(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .single();
    }
}
