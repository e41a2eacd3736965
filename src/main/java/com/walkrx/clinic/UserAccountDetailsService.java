package com.walkrx.clinic;

import com.walkrx.base.security.WalkRxPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a user for login, with their clinic, role and (for patients) their patient record. */
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
                               p.id as patient_id
                        from app_user u left join patient p on p.user_id = u.id
                        where lower(u.username) = lower(:username)
                        """)
                .param("username", username)
                .query((rs, n) -> new WalkRxPrincipal(rs.getLong("id"), rs.getLong("clinic_id"),
                        rs.getString("username"), rs.getString("display_name"),
                        com.walkrx.base.security.Role.valueOf(rs.getString("role")),
                        (Long) rs.getObject("patient_id"), rs.getBoolean("enabled"), rs.getString("password_hash")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
