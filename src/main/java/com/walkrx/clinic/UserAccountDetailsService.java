package com.walkrx.clinic;

import com.walkrx.base.security.PatientLogins;
import com.walkrx.base.security.Role;
import com.walkrx.base.security.SecondFactor;
import com.walkrx.base.security.WalkRxPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads a user for login, with their clinic, role, whether a second factor is needed (clinic policy, factor
 * set up), and (for patients) their patient record, which the patient module looks up ({@link PatientLogins}:
 * the clinic module reads no patient table).
 */
@Service
class UserAccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PatientLogins patientLogins;

    UserAccountDetailsService(JdbcClient jdbc, PatientLogins patientLogins) {
        this.jdbc = jdbc;
        this.patientLogins = patientLogins;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        select u.id, u.clinic_id, u.username, u.display_name, u.role, u.enabled, u.password_hash,
                               c.staff_mfa_required,
                               exists (select 1 from totp_factor f where f.user_id = u.id and f.confirmed_at is not null)
                                   as totp_enrolled
                        from app_user u join clinic c on c.id = u.clinic_id
                        where lower(u.username) = lower(:username)
                        """)
                .param("username", username)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Role role = Role.valueOf(rs.getString("role"));
                    Long patientId = role == Role.PATIENT ? patientLogins.patientIdOf(id).orElse(null) : null;
                    return new WalkRxPrincipal(id, rs.getLong("clinic_id"), rs.getString("username"),
                            rs.getString("display_name"), role, patientId, rs.getBoolean("enabled"),
                            rs.getString("password_hash"),
                            SecondFactor.of(role != Role.PATIENT, rs.getBoolean("staff_mfa_required"),
                                    rs.getBoolean("totp_enrolled")));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
