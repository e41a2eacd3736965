package com.walkrx.flag;

import com.walkrx.demo.DemoPatient;
import com.walkrx.demo.DemoPlanAssigner;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the demo clinic realistic flags: evaluates the seeded check-ins of the last 14 days in the order they
 * were recorded, as the check-in module would have, then the state rules as of today. Runs after the plans
 * are assigned (order 2), inside the seeding transaction.
 */
@Component
@Order(2)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagDemoData implements DemoPlanAssigner {

    private final FlagEvaluator evaluator;
    private final JdbcClient jdbc;
    private final Clock clock;

    private record SeededCheckIn(long id, long clinicId, long patientId, LocalDate date, Timestamp recordedAt) {
    }

    @Override
    public void assignPlans(List<DemoPatient> patients, LocalDate today) {
        if (patients.isEmpty()) {
            return;
        }
        List<Long> ids = patients.stream().map(DemoPatient::patientId).toList();
        List<SeededCheckIn> checkIns = jdbc.sql("""
                        select id, clinic_id, patient_id, date, recorded_at from check_in
                        where patient_id in (:ids) and date >= :from
                        order by recorded_at, id
                        """)
                .param("ids", ids)
                .param("from", today.minusDays(HistoryLoader.WINDOW_DAYS - 1))
                .query((rs, n) -> new SeededCheckIn(rs.getLong("id"), rs.getLong("clinic_id"),
                        rs.getLong("patient_id"), rs.getObject("date", LocalDate.class), rs.getTimestamp("recorded_at")))
                .list();
        for (SeededCheckIn c : checkIns) {
            evaluator.evaluate(c.clinicId(), c.patientId(), c.id(), c.date(), c.recordedAt().toInstant());
        }
        for (long patientId : ids) {
            evaluator.evaluatePatient(patientId, today, clock.instant());
        }
    }
}
