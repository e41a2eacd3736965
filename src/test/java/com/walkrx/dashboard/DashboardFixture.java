package com.walkrx.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes plans, check-ins, walks and flags straight into the tables for dashboard tests: the dashboard
 * only reads them, and the owning modules' services are built by other helpers in parallel.
 */
public final class DashboardFixture {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    public DashboardFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A phase: walks per day or per week (the other null), minutes, surfaces. */
    public record PhaseSpec(int number, int minDays, Integer walksPerDay, Integer walksPerWeek, int minutesMin,
                     int minutesMax, String surfaces, Integer stepTarget) {

        public static PhaseSpec perDay(int number, int walks, int minutes) {
            return new PhaseSpec(number, 14, walks, null, minutes, minutes, "FLAT", null);
        }

        public static PhaseSpec perWeek(int number, int walks, int minutes) {
            return new PhaseSpec(number, 14, null, walks, minutes, minutes, "FLAT,INCLINE", null);
        }
    }

    public long plan(long clinicId, long patientId, String status, int currentPhase, LocalDate start, LocalDate activatedOn,
              LocalDate phaseStartedOn, PhaseSpec... phases) {
        long id = next("plan_seq");
        jdbc.sql("""
                insert into plan (id, clinic_id, patient_id, template, status, current_phase, phase_started_on,
                                  start_date, activated_at)
                values (?, ?, ?, 'STANDARD', ?, ?, ?, ?, ?)
                """).params(id, clinicId, patientId, status, currentPhase,
                phaseStartedOn == null ? null : Date.valueOf(phaseStartedOn), Date.valueOf(start),
                activatedOn == null ? null : Timestamp.from(activatedOn.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant()))
                .update();
        for (PhaseSpec p : phases) {
            jdbc.sql("""
                    insert into plan_phase (id, plan_id, number, min_days, walks_per_day, walks_per_week, minutes_min,
                                            minutes_max, surfaces, step_target)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(next("plan_phase_seq"), id, p.number(), p.minDays(), p.walksPerDay(), p.walksPerWeek(),
                    p.minutesMin(), p.minutesMax(), p.surfaces(), p.stepTarget()).update();
        }
        return id;
    }

    public long checkIn(long clinicId, long patientId, LocalDate date, Integer pain, Integer steps) {
        long id = next("check_in_seq");
        jdbc.sql("""
                insert into check_in (id, clinic_id, patient_id, date, overall_pain, steps)
                values (?, ?, ?, ?, ?, ?)
                """).params(id, clinicId, patientId, Date.valueOf(date), pain, steps).update();
        return id;
    }

    /** A walk in a check-in of its own (no overall pain). */
    public void walk(long clinicId, long patientId, LocalDate date, int minutes, int painBefore, int painAfter) {
        long checkIn = checkIn(clinicId, patientId, date, null, null);
        jdbc.sql("""
                insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, surface,
                                  pain_before, pain_after, sharp_pain)
                values (?, ?, ?, ?, ?, 0, ?, 'FLAT', ?, ?, false)
                """).params(next("walk_seq"), checkIn, clinicId, patientId, Date.valueOf(date), minutes, painBefore,
                painAfter).update();
    }

    public long flag(long clinicId, long patientId, String code, String tier, String status, LocalDate raisedOn) {
        long id = next("flag_seq");
        jdbc.sql("""
                insert into flag (id, clinic_id, patient_id, code, tier, status, raised_at, basis, patient_message)
                values (?, ?, ?, ?, ?, ?, ?, 'test basis', 'test message')
                """).params(id, clinicId, patientId, code, tier, status,
                Timestamp.from(raisedOn.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant())).update();
        return id;
    }

    public void name(long patientId, String given, String family) {
        jdbc.sql("update patient set given_name = ?, family_name = ? where id = ?").params(given, family, patientId)
                .update();
    }

    private long next(String sequence) {
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }
}
