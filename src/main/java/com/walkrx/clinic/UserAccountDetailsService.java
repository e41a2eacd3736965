package com.walkrx.clinic;

import com.walkrx.base.security.Role;
import com.walkrx.base.security.SecondFactor;
import com.walkrx.base.security.WalkRxPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads a user for login, with their clinic, role, (for patients) their patient record, and whether a
 * second factor is needed (clinic policy, factor set up): one query.
 */
@Service
class UserAccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    UserAccountDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        select u.id, u.clinic_id, u.username, u.display_name, u.role, u.enabled, u.password_hash,
                               p.id as patient_id, c.staff_mfa_required,
                               exists (select 1 from totp_factor f where f.user_id = u.id and f.confirmed_at is not null)
                                   as totp_enrolled
                        from app_user u join clinic c on c.id = u.clinic_id left join patient p on p.user_id = u.id
                        where lower(u.username) = lower(:username)
                        """)
                .param("username", username)
                .query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString("role"));
                    return new WalkRxPrincipal(rs.getLong("id"), rs.getLong("clinic_id"),
                            rs.getString("username"), rs.getString("display_name"), role,
                            (Long) rs.getObject("patient_id"), rs.getBoolean("enabled"), rs.getString("password_hash"),
                            SecondFactor.of(role != Role.PATIENT, rs.getBoolean("staff_mfa_required"),
                                    rs.getBoolean("totp_enrolled")));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
