package com.walkrx.plan;

import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the plan history ({@code plan_change}): a patient's pages of it, and a plan's latest entry. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PlanHistory {

    private final JdbcClient jdbc;

    /** The changes of all the patient's plans, newest first. */
    List<PlanChangeView> ofPatient(long patientId, int offset, int limit) {
        return jdbc.sql("""
                        select c.id, c.plan_id, c.changed_at, c.changed_by_name, c.summary
                        from plan_change c join plan p on p.id = c.plan_id
                        where p.patient_id = :patient
                        order by c.changed_at desc, c.id desc offset :offset limit :limit""")
                .param("patient", patientId).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new PlanChangeView(rs.getLong("id"), rs.getLong("plan_id"),
                        rs.getObject("changed_at", Timestamp.class).toInstant(),
                        Objects.requireNonNullElse(rs.getString("changed_by_name"), PlanChange.SYSTEM),
                        rs.getString("summary")))
                .list();
    }

    /** "Dr Shah: Plan paused." for the plan's latest change, or null. */
    String latest(Plan plan) {
        return jdbc.sql("""
                        select coalesce(changed_by_name, :system) || ': ' || summary from plan_change
                        where plan_id = :plan order by changed_at desc, id desc limit 1""")
                .param("system", PlanChange.SYSTEM).param("plan", plan.getId())
                .query(String.class).optional().orElse(null);
    }
}
