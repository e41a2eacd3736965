package com.walkrx.dashboard;

import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The baseline and latest pain of one patient (docs/architecture.md, "Shared definitions"); callers check access. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PainQueries {

    /** Where a patient's therapy starts: the first plan's start date, else the first check-in. */
    static final String THERAPY_START = """
            coalesce((select min(bp.start_date) from plan bp where bp.patient_id = :id and bp.status <> 'DRAFT'),
                     (select min(fc.date) from check_in fc where fc.patient_id = :id))
            """;

    /** The baseline: the first 7 days on or after the therapy start that have an overall pain. */
    static final String BASELINE = """
            select coalesce(sum(b.pain), 0) as pain_sum, count(*) as pain_days
            from (select distinct on (ci.date) ci.overall_pain as pain
                  from check_in ci
                  where ci.patient_id = :id and ci.overall_pain is not null and ci.date >= cast(:start as date)
                  order by ci.date, ci.id desc
                  limit 7) b
            """;

    private final JdbcClient jdbc;

    LocalDate therapyStart(long patientId) {
        var start = jdbc.sql("select " + THERAPY_START).param("id", patientId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
        return start.isEmpty() ? null : start.getFirst();
    }

    PainChange painChange(long patientId, LocalDate start) {
        if (start == null) {
            return null;
        }
        return jdbc.sql("select bl.pain_sum, bl.pain_days, lp.latest from (" + BASELINE + ") bl"
                        + " left join lateral (select l.overall_pain as latest from check_in l where l.patient_id = :id"
                        + " and l.overall_pain is not null order by l.date desc, l.id desc limit 1) lp on true")
                .param("id", patientId).param("start", start)
                .query((rs, n) -> rs.getLong("pain_days") == 0 ? null
                        : new PainChange(rs.getInt("pain_sum"), rs.getInt("pain_days"), rs.getInt("latest")))
                .optional().orElse(null);
    }
}
