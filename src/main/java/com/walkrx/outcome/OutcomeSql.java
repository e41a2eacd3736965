package com.walkrx.outcome;

/**
 * SQL for read models that show outcome measures beside other numbers in one statement (the caseload). The same
 * rules as {@link OutcomeSchedule#status}: only the latest questionnaire of an instrument can be open; it is
 * overdue more than {@value OutcomeSchedule#OVERDUE_AFTER_DAYS} days after its due date; of an ended plan only the
 * end-of-plan GROC stays open, for {@value OutcomeSchedule#END_REVIEW_OPEN_DAYS} days. A test pins the two.
 */
public final class OutcomeSql {

    private OutcomeSql() {
    }

    /**
     * A subquery for a {@code left join lateral (...) alias on true} over patients aliased {@code s} with a
     * {@code :today} parameter: {@code overdue_questionnaires} (count) and {@code improved_on} ("PEG", "PSFS",
     * "PEG, PSFS" or null: the latest response of that instrument showed an important improvement).
     */
    public static final String PATIENT_BADGES = """
            select (select count(*)
                    from (select distinct on (q.instrument) q.instrument, q.due_date, q.answered_at, pl.status,
                                 cast(pl.ended_at at time zone c.time_zone as date) as ended_on
                          from questionnaire q
                          join plan pl on pl.id = q.plan_id
                          join clinic c on c.id = q.clinic_id
                          where q.patient_id = s.id and q.due_date <= cast(:today as date)
                          order by q.instrument, q.due_date desc) lq
                    where lq.answered_at is null
                      and lq.due_date < cast(:today as date) - %1$d
                      and (lq.status <> 'ENDED'
                           or (lq.instrument = 'GROC' and lq.due_date >= lq.ended_on
                               and cast(:today as date) <= lq.due_date + %2$d))) as overdue_questionnaires,
                   (select string_agg(lr.instrument, ', ' order by lr.instrument)
                    from (select distinct on (r.instrument) r.instrument, r.important_improvement
                          from questionnaire_response r
                          where r.patient_id = s.id and r.instrument in ('PEG', 'PSFS')
                          order by r.instrument, r.due_date desc) lr
                    where lr.important_improvement) as improved_on
            """.formatted(OutcomeSchedule.OVERDUE_AFTER_DAYS, OutcomeSchedule.END_REVIEW_OPEN_DAYS);
}
