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
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a patient's recent history for the rules with read-only SQL over patient, check_in and walk (a read
 * model; the check-in module owns those rows): one query, whatever the number of check-ins.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class HistoryLoader {

    static final int WINDOW_DAYS = 14;

    private final JdbcClient jdbc;

    /** The patient's name and clinic, for alerts. */
    record PatientFacts(long clinicId, String name) {
    }

    /** A history and the codes of the patient's flags that are not resolved (OPEN or ACKNOWLEDGED). */
    record Loaded(PatientHistory history, Set<FlagCode> unresolved) {
    }

    /**
     * The history as of {@code asOf}: check-ins dated in the 14 days ending with {@code asOf}; on {@code asOf}
     * itself only those up to {@code currentCheckInId} (all of them when it is null).
     */
    PatientHistory load(long patientId, LocalDate asOf, Long currentCheckInId, PlanState plan) {
        return loadWithFlags(patientId, asOf, currentCheckInId, plan).history();
    }

    /**
     * As {@link #load}, with the patient's unresolved flag codes: one statement (patient, last check-in date,
     * the window's check-ins with their walks, open flags), each part on an index
     * ({@code check_in_patient_date_idx}, {@code walk_check_in_idx}, {@code flag_one_live_per_code}).
     */
    Loaded loadWithFlags(long patientId, LocalDate asOf, Long currentCheckInId, PlanState plan) {
        LocalDate from = asOf.minusDays(WINDOW_DAYS - 1);
        long upTo = currentCheckInId == null ? Long.MAX_VALUE : currentCheckInId;
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, List<WalkFacts>> walks = new HashMap<>();
        Object[] patient = new Object[4];
        jdbc.sql("""
                        select p.surgery_date, p.surgeon_clearance_date, last.last_check_in_date, open.codes,
                               c.id, c.date, c.overall_pain, c.numbness_tingling, c.leg_weakness, c.both_legs,
                               c.saddle_numbness, c.bladder_bowel_problems, c.fever, c.unexplained_weight_loss,
                               c.new_injury_or_fall,
                               w.position, w.minutes, w.surface, w.pain_before, w.pain_after, w.sharp_pain
                        from patient p
                        cross join lateral (select max(l.date) as last_check_in_date from check_in l
                              where l.patient_id = p.id and (l.date < :asOf or (l.date = :asOf and l.id <= :upTo))) last
                        cross join lateral (select string_agg(f.code, ',') as codes from flag f
                              where f.patient_id = p.id and f.status <> 'RESOLVED') open
                        left join check_in c on c.patient_id = p.id and c.date >= :from
                             and (c.date < :asOf or (c.date = :asOf and c.id <= :upTo))
                        left join walk w on w.check_in_id = c.id
                        where p.id = :patientId
                        order by c.date, c.id, w.position
                        """)
                .param("patientId", patientId)
                .param("from", from)
                .param("asOf", asOf)
                .param("upTo", upTo)
                .query((ResultSet rs) -> {
                    patient[0] = rs.getObject("surgery_date", LocalDate.class);
                    patient[1] = rs.getObject("surgeon_clearance_date", LocalDate.class);
                    patient[2] = rs.getObject("last_check_in_date", LocalDate.class);
                    patient[3] = rs.getString("codes");
                    long id = rs.getLong("id");
                    if (rs.wasNull()) {
                        return;
                    }
                    if (!rows.containsKey(id)) {
                        rows.put(id, row(rs, id));
                    }
                    int position = rs.getInt("position");
                    if (!rs.wasNull()) {
                        walks.computeIfAbsent(id, k -> new ArrayList<>()).add(new WalkFacts(id,
                                rs.getObject("date", LocalDate.class), position, rs.getInt("minutes"),
                                Surface.valueOf(rs.getString("surface")), rs.getInt("pain_before"),
                                rs.getInt("pain_after"), rs.getBoolean("sharp_pain")));
                    }
                });
        List<CheckInFacts> checkIns = rows.values().stream()
                .map(r -> new CheckInFacts(r.id, r.date, r.overallPain, r.symptoms,
                        walks.getOrDefault(r.id, List.of())))
                .toList();
        Set<FlagCode> unresolved = EnumSet.noneOf(FlagCode.class);
        if (patient[3] != null) {
            for (String code : ((String) patient[3]).split(",")) {
                unresolved.add(FlagCode.valueOf(code));
            }
        }
        return new Loaded(new PatientHistory(patientId, asOf, currentCheckInId, checkIns, (LocalDate) patient[0],
                (LocalDate) patient[1], (LocalDate) patient[2], plan), unresolved);
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
