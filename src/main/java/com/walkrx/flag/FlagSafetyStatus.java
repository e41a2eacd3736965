package com.walkrx.flag;

import com.walkrx.plan.SafetyStatus;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells plans whether a serious flag holds the patient back, and what advice the patient sees meanwhile. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagSafetyStatus implements SafetyStatus {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public boolean hasOpenUrgentOrHigh(long patientId) {
        return jdbc.sql("select exists (select 1 from flag where patient_id = :id and status <> 'RESOLVED'"
                        + " and tier in ('URGENT', 'HIGH'))")
                .param("id", patientId).query(Boolean.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> openAdvice(long patientId) {
        return jdbc.sql("""
                        select patient_message from flag where patient_id = :id and status <> 'RESOLVED'
                        group by patient_message
                        order by min(case tier when 'URGENT' then 0 when 'HIGH' then 1 else 2 end)
                        """)
                .param("id", patientId).query(String.class).list();
    }
}
