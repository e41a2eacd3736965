package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
import com.walkrx.patient.PatientContact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How flags are read for views: the columns, the orders, one flag, and the evidence of many in one query. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagReads {

    static final String COLUMNS = """
            f.id, f.patient_id, p.given_name || ' ' || p.family_name as patient_name, f.code, f.tier, f.status,
            f.raised_at, f.basis, f.patient_message, f.acknowledged_by_name, f.acknowledged_at, f.acknowledge_note,
            f.resolved_by_name, f.resolved_by_system, f.resolved_at, f.outcome, f.action, f.resolve_note, f.version,
            p.phone, p.email, p.emergency_contact_name, p.emergency_contact_phone
            """;
    static final String SEVERITY_ORDER =
            "case f.tier when 'URGENT' then 0 when 'HIGH' then 1 else 2 end, f.raised_at, f.id";
    /** Open, then acknowledged, within a tier: the triage order of the inbox's "Needs attention" list. */
    static final String ATTENTION_ORDER = "case f.tier when 'URGENT' then 0 when 'HIGH' then 1 else 2 end,"
            + " case f.status when 'OPEN' then 0 else 1 end, f.raised_at, f.id";

    private final JdbcClient jdbc;

    FlagView view(long flagId) {
        return withEvidence(jdbc.sql("select " + COLUMNS + " from flag f join patient p on p.id = f.patient_id"
                        + " where f.id = :id")
                .param("id", flagId).query(FlagReads::row).list()).getFirst();
    }

    /** Adds the evidence of all the flags in one query. */
    List<FlagView> withEvidence(List<FlagView> views) {
        if (views.isEmpty()) {
            return views;
        }
        Map<Long, List<FlagView.Evidence>> evidence = new LinkedHashMap<>();
        views.forEach(v -> evidence.put(v.id(), new ArrayList<>()));
        jdbc.sql("select fe.flag_id, fe.check_in_id, fe.detail, fe.added_at, ci.notes from flag_evidence fe"
                        + " left join check_in ci on ci.id = fe.check_in_id where fe.flag_id in (:ids) order by fe.id")
                .param("ids", List.copyOf(evidence.keySet()))
                .query((ResultSet rs) -> {
                    evidence.get(rs.getLong("flag_id")).add(new FlagView.Evidence(
                            rs.getObject("check_in_id", Long.class), rs.getString("detail"),
                            instant(rs, "added_at"), rs.getString("notes")));
                });
        return views.stream().map(v -> new FlagView(v.id(), v.patientId(), v.patientName(), v.code(), v.tier(),
                v.status(), v.raisedAt(), v.basis(), List.copyOf(evidence.get(v.id())), v.patientMessage(),
                v.acknowledgedBy(), v.acknowledgedAt(), v.acknowledgeNote(), v.resolvedBy(), v.resolvedAt(),
                v.outcome(), v.action(), v.resolveNote(), v.resolvedBySystem(), v.version(), v.contact())).toList();
    }

    static FlagView row(ResultSet rs, int n) throws SQLException {
        boolean bySystem = rs.getBoolean("resolved_by_system");
        String outcome = rs.getString("outcome");
        String action = rs.getString("action");
        return new FlagView(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("patient_name"),
                FlagCode.valueOf(rs.getString("code")), Tier.valueOf(rs.getString("tier")),
                FlagStatus.valueOf(rs.getString("status")), instant(rs, "raised_at"), rs.getString("basis"),
                List.of(), rs.getString("patient_message"), rs.getString("acknowledged_by_name"),
                instant(rs, "acknowledged_at"), rs.getString("acknowledge_note"),
                bySystem ? FlagView.SYSTEM : rs.getString("resolved_by_name"), instant(rs, "resolved_at"),
                outcome == null ? null : Outcome.valueOf(outcome), action == null ? null : FlagAction.valueOf(action),
                rs.getString("resolve_note"),
                bySystem ? Boolean.TRUE : null, rs.getLong("version"),
                new PatientContact(rs.getString("phone"), rs.getString("email"), rs.getString("emergency_contact_name"),
                        rs.getString("emergency_contact_phone")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
