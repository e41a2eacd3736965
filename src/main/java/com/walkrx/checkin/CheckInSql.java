package com.walkrx.checkin;

/**
 * The read models' shared SQL over the check-in tables ({@code check_in}, {@code walk}): the caseload grid
 * (dashboard) and the caseload CSV (report) count latest pain, baseline and adherence with these very fragments,
 * so the two never drift apart. Each is the body of a {@code left join lateral (...)}; the arguments are SQL
 * expressions of the outer query (column references, never user input), and {@code :today} is a bound date.
 */
public final class CheckInSql {

    private CheckInSql() {
    }

    /** {@code pain}, {@code date}: the patient's latest check-in with an overall pain. */
    public static String latestPain(String patientId) {
        return """
                select ci.overall_pain as pain, ci.date
                from check_in ci
                where ci.patient_id = %1$s and ci.overall_pain is not null
                order by ci.date desc, ci.id desc
                limit 1
                """.formatted(patientId);
    }

    /**
     * {@code pain_sum}, {@code pain_days}: the baseline, the first 7 days with an overall pain (the day's latest
     * check-in) since the patient's first plan that left the draft stage started.
     */
    public static String baselinePain(String patientId) {
        return """
                select sum(b.pain) as pain_sum, count(*) as pain_days
                from (select distinct on (ci.date) ci.overall_pain as pain
                      from check_in ci
                      where ci.patient_id = %1$s and ci.overall_pain is not null
                        and ci.date >= coalesce((select min(bp.start_date) from plan bp
                                                 where bp.patient_id = %1$s and bp.status <> 'DRAFT'), date '1900-01-01')
                      order by ci.date, ci.id desc
                      limit 7) b
                """.formatted(patientId);
    }

    /**
     * {@code adherence}, 0 to 1: the walked minutes of the whole days from {@code from} to yesterday against the
     * phase's prescription (per day: each day capped at its prescription; per week: the total against the
     * prescribed pace). Every divisor is NULLIF-guarded: PostgreSQL computes this aggregate even for rows the
     * join's ON condition drops (a plan activated today or later: no whole day yet), issue 12.
     */
    public static String adherence(String patientId, String from, String walksPerDay, String walksPerWeek,
                                   String minutesMin) {
        return """
                select case when cast(:today as date) - %2$s <= 0 then null
                            when %3$s is not null
                            then coalesce(sum(least(1.0, d.minutes::numeric
                                                         / nullif(%3$s * %5$s, 0))), 0)
                                 / nullif(greatest(cast(:today as date) - %2$s, 0), 0)
                            else least(1.0, coalesce(sum(d.minutes), 0)::numeric * 7
                                            / nullif(%4$s * %5$s
                                                     * greatest(cast(:today as date) - %2$s, 0), 0))
                       end as adherence
                from (select w.date, sum(w.minutes) as minutes
                      from walk w
                      where w.patient_id = %1$s and w.date >= %2$s and w.date < cast(:today as date)
                      group by w.date) d
                """.formatted(patientId, from, walksPerDay, walksPerWeek, minutesMin);
    }
}
