package com.walkrx.patient;

import com.walkrx.base.security.PatientLogins;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The patient module's side of {@link PatientLogins}: the record linked to a login ({@code patient.user_id}). */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PatientLoginLookup implements PatientLogins {

    private final JdbcClient jdbc;

    @Override
    public Optional<Long> patientIdOf(long userId) {
        return jdbc.sql("select id from patient where user_id = :user").param("user", userId).query(Long.class)
                .optional();
    }
}
