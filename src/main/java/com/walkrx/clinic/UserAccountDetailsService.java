package com.walkrx.clinic;

import com.walkrx.base.security.PatientLogins;
import com.walkrx.base.security.Role;
import com.walkrx.base.security.SecondFactor;
import com.walkrx.base.security.WalkRxPrincipal;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UserAccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PatientLogins patientLogins;

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = jdbc.sql("""
                        select u.id, u.clinic_id, u.username, u.display_name, u.role, u.enabled, u.password_hash,
                               c.staff_mfa_required,
                               exists (select 1 from totp_factor f where f.user_id = u.id and f.confirmed_at is not null)
                                   as totp_enrolled
                        from app_user u join clinic c on c.id = u.clinic_id
                        where lower(u.username) = lower(:username)
                        """)
                .param("username", username)
                .query((rs, n) -> new Account(rs.getLong("id"), rs.getLong("clinic_id"), rs.getString("username"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                        rs.getString("password_hash"), rs.getBoolean("staff_mfa_required"),
                        rs.getBoolean("totp_enrolled")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        // Looked up after the first query has returned its connection: a lookup inside the row mapper held two
        // pooled connections at once, and as many patients signing in together as the pool has connections
        // each held one and waited for another until the pool's timeout (503 for all of them).
        Long patientId = a.role() == Role.PATIENT ? patientLogins.patientIdOf(a.id()).orElse(null) : null;
        return new WalkRxPrincipal(a.id(), a.clinicId(), a.username(), a.displayName(), a.role(), patientId,
                a.enabled(), a.passwordHash(),
                SecondFactor.of(a.role() != Role.PATIENT, a.staffMfaRequired(), a.totpEnrolled()));
    }

    private record Account(long id, long clinicId, String username, String displayName, Role role, boolean enabled,
                           String passwordHash, boolean staffMfaRequired, boolean totpEnrolled) {
    }
}
