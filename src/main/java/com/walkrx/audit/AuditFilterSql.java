package com.walkrx.audit;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit search's filter as a SQL {@code where} clause, always within one clinic; dates are days in {@code zone}. */
final class AuditFilterSql {

    private AuditFilterSql() {
    }

    static String where(long clinicId, AuditFilter filter, ZoneId zone, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("clinic_id = :clinic");
        params.put("clinic", clinicId);
        if (filter.username() != null && !filter.username().isBlank()) {
            conditions.add("strpos(lower(username), lower(:username)) > 0");
            params.put("username", filter.username().trim());
        }
        if (filter.patientId() != null) {
            conditions.add("patient_id = :patient");
            params.put("patient", filter.patientId());
        }
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action().name());
        }
        if (filter.from() != null) {
            conditions.add("at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return "where " + String.join(" and ", conditions);
    }
}
