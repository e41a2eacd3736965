package com.walkrx.plan;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes check-ins and walks straight into their tables, as the check-in module will, so plan tests do not
 * depend on it. Test data only.
 */
public final class Logged {

    private Logged() {
    }

    /** One check-in with optional overall pain and steps, and a walk of each given length (FLAT, pain 3 -> 2). */
    public static long checkIn(JdbcClient jdbc, long clinicId, long patientId, LocalDate date, Integer pain,
                               Integer steps, int... walkMinutes) {
        long id = jdbc.sql("select nextval('check_in_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into check_in (id, clinic_id, patient_id, date, overall_pain, steps)
                values (?, ?, ?, ?, ?, ?)""").params(id, clinicId, patientId, Date.valueOf(date), pain, steps).update();
        int position = 0;
        for (int minutes : walkMinutes) {
            long walkId = jdbc.sql("select nextval('walk_seq')").query(Long.class).single();
            jdbc.sql("""
                    insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, surface,
                                      pain_before, pain_after, sharp_pain)
                    values (?, ?, ?, ?, ?, ?, ?, 'FLAT', 3, 2, false)""")
                    .params(walkId, id, clinicId, patientId, Date.valueOf(date), position++, minutes).update();
        }
        return id;
    }

    /** Every prescribed walk of phase 1 (3 x 10 minutes) with pain 4 and 4,000 steps, each day from..to. */
    public static void phaseOneDays(JdbcClient jdbc, long clinicId, long patientId, LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            checkIn(jdbc, clinicId, patientId, d, 4, 4000, 10, 10, 10);
        }
    }
}
