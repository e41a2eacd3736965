package com.walkrx.flag;

import com.walkrx.base.clinical.Surface;
import com.walkrx.flag.PatientHistory.Change;
import com.walkrx.flag.PatientHistory.CheckInFacts;
import com.walkrx.flag.PatientHistory.Symptoms;
import com.walkrx.flag.PatientHistory.WalkFacts;
import com.walkrx.plan.PlanControl.PlanState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a patient's recent history for the rules with read-only SQL over patient, check_in and walk (a read
 * model; the check-in module owns those rows): two queries, whatever the number of check-ins.
 */
@Component
class HistoryLoader {

    static final int WINDOW_DAYS = 14;

    private final JdbcClient jdbc;

    HistoryLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patient's name and clinic, for alerts. */
    record PatientFacts(long clinicId, String name) {
    }

    /**
     * The history as of {@code asOf}: check-ins dated in the 14 days ending with {@code asOf}; on {@code asOf}
     * itself only those up to {@code currentCheckInId} (all of them when it is null).
     */
    PatientHistory load(long patientId, LocalDate asOf, Long currentCheckInId, PlanState plan) {
        LocalDate from = asOf.minusDays(WINDOW_DAYS - 1);
        long upTo = currentCheckInId == null ? Long.MAX_VALUE : currentCheckInId;
        Map<Long, Row> rows = new LinkedHashMap<>();
        Object[] patient = new Object[3];
        jdbc.sql("""
                        select p.surgery_date, p.surgeon_clearance_date, last.last_check_in_date,
                               c.id, c.date, c.overall_pain, c.numbness_tingling, c.leg_weakness, c.both_legs,
                               c.saddle_numbness, c.bladder_bowel_problems, c.fever, c.unexplained_weight_loss,
                               c.new_injury_or_fall
                        from patient p
                        cross join lateral (select max(l.date) as last_check_in_date from check_in l
                              where l.patient_id = p.id and (l.date < :asOf or (l.date = :asOf and l.id <= :upTo))) last
                        left join check_in c on c.patient_id = p.id and c.date >= :from
                             and (c.date < :asOf or (c.date = :asOf and c.id <= :upTo))
                        where p.id = :patientId
                        order by c.date, c.id
                        """)
                .param("patientId", patientId)
                .param("from", from)
                .param("asOf", asOf)
                .param("upTo", upTo)
                .query((ResultSet rs) -> {
                    patient[0] = rs.getObject("surgery_date", LocalDate.class);
                    patient[1] = rs.getObject("surgeon_clearance_date", LocalDate.class);
                    patient[2] = rs.getObject("last_check_in_date", LocalDate.class);
                    long id = rs.getLong("id");
                    if (!rs.wasNull()) {
                        rows.put(id, row(rs, id));
                    }
                });
        Map<Long, List<WalkFacts>> walks = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            select w.check_in_id, w.date, w.position, w.minutes, w.surface, w.pain_before, w.pain_after,
                                   w.sharp_pain
                            from walk w
                            where w.patient_id = :patientId and w.date >= :from
                              and (w.date < :asOf or (w.date = :asOf and w.check_in_id <= :upTo))
                            order by w.date, w.check_in_id, w.position
                            """)
                    .param("patientId", patientId)
                    .param("from", from)
                    .param("asOf", asOf)
                    .param("upTo", upTo)
                    .query((ResultSet rs) -> {
                        WalkFacts w = new WalkFacts(rs.getLong("check_in_id"), rs.getObject("date", LocalDate.class),
                                rs.getInt("position"), rs.getInt("minutes"), Surface.valueOf(rs.getString("surface")),
                                rs.getInt("pain_before"), rs.getInt("pain_after"), rs.getBoolean("sharp_pain"));
                        walks.computeIfAbsent(w.checkInId(), k -> new ArrayList<>()).add(w);
                    });
        }
        List<CheckInFacts> checkIns = rows.values().stream()
                .map(r -> new CheckInFacts(r.id, r.date, r.overallPain, r.symptoms,
                        walks.getOrDefault(r.id, List.of())))
                .toList();
        return new PatientHistory(patientId, asOf, currentCheckInId, checkIns, (LocalDate) patient[0],
                (LocalDate) patient[1], (LocalDate) patient[2], plan);
    }

    /** The patient's clinic and name. */
    PatientFacts patient(long patientId) {
        return jdbc.sql("select clinic_id, given_name || ' ' || family_name as name from patient where id = :id")
                .param("id", patientId)
                .query((rs, n) -> new PatientFacts(rs.getLong("clinic_id"), rs.getString("name")))
                .single();
    }

    private record Row(long id, LocalDate date, Integer overallPain, Symptoms symptoms) {
    }

    private static Row row(ResultSet rs, long id) throws SQLException {
        Integer pain = rs.getObject("overall_pain", Integer.class);
        String numbness = rs.getString("numbness_tingling");
        String weakness = rs.getString("leg_weakness");
        Boolean bothLegs = rs.getObject("both_legs", Boolean.class);
        Boolean saddle = rs.getObject("saddle_numbness", Boolean.class);
        Boolean bladder = rs.getObject("bladder_bowel_problems", Boolean.class);
        Boolean fever = rs.getObject("fever", Boolean.class);
        Boolean weightLoss = rs.getObject("unexplained_weight_loss", Boolean.class);
        Boolean injury = rs.getObject("new_injury_or_fall", Boolean.class);
        boolean anySymptom = numbness != null || weakness != null || bothLegs != null || saddle != null
                || bladder != null || fever != null || weightLoss != null || injury != null;
        Symptoms symptoms = anySymptom ? new Symptoms(numbness == null ? null : Change.valueOf(numbness),
                weakness == null ? null : Change.valueOf(weakness), isTrue(bothLegs), isTrue(saddle), isTrue(bladder),
                isTrue(fever), isTrue(weightLoss), isTrue(injury)) : null;
        return new Row(id, rs.getObject("date", LocalDate.class), pain, symptoms);
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
