package com.walkrx.outcome;

import com.walkrx.outcome.OutcomeResponse.ItemAnswer;
import com.walkrx.outcome.OutcomeSchedule.Occurrence;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome module's tables (questionnaire, questionnaire_response). It reads the plan and clinic tables for the
 * schedule's dates: a read of another module's tables for a derived read model, never a write.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class QuestionnaireStore {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    /** A plan the schedule counts from; {@code endedOn} in the clinic's time zone, null while live. */
    record PlanSpan(long planId, long patientId, long clinicId, LocalDate start, LocalDate endedOn, ZoneId zone) {
    }

    private static final String SPANS = """
            select pl.id, pl.patient_id, pl.clinic_id, pl.start_date, c.time_zone,
                   case when pl.status = 'ENDED' then cast(pl.ended_at at time zone c.time_zone as date) end as ended_on
            from plan pl join clinic c on c.id = pl.clinic_id
            where pl.status in ('ACTIVE', 'PAUSED', 'ENDED')
            """;

    /** The clinic's time zone, in which "today" is meant. */
    ZoneId zone(long clinicId) {
        return jdbc.sql("select time_zone from clinic where id = :id").param("id", clinicId)
                .query(String.class).optional().map(ZoneId::of).orElse(ZoneId.systemDefault());
    }

    /** The patient's plans that have been active. */
    List<PlanSpan> plansOf(long patientId) {
        return jdbc.sql(SPANS + " and pl.patient_id = :patient order by pl.start_date, pl.id")
                .param("patient", patientId).query((rs, n) -> span(rs)).list();
    }

    /** Every live plan, and those ended recently enough for their end-of-plan GROC, after {@code afterId}. */
    List<PlanSpan> schedulable(long afterId, int limit) {
        return jdbc.sql(SPANS + """
                         and pl.id > :after
                         and (pl.status <> 'ENDED' or pl.ended_at > now() - interval '30 days')
                        order by pl.id limit :limit""")
                .param("after", afterId).param("limit", limit).query((rs, n) -> span(rs)).list();
    }

    private static PlanSpan span(ResultSet rs) throws SQLException {
        return new PlanSpan(rs.getLong("id"), rs.getLong("patient_id"), rs.getLong("clinic_id"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                ZoneId.of(rs.getString("time_zone")));
    }

    /** A questionnaire to create for a plan. */
    record Due(PlanSpan plan, Occurrence occurrence) {
    }

    /**
     * Creates the questionnaires that do not exist yet, in one statement. Idempotent and safe when several
     * instances run it at once: the unique (patient, instrument, due date) decides, and a clash does nothing.
     */
    int materialize(List<Due> due) {
        if (due.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        insert into questionnaire (clinic_id, patient_id, plan_id, instrument, occasion, due_date)
                        select t.clinic_id, t.patient_id, t.plan_id, t.instrument, t.occasion, t.due_date
                        from unnest(cast(:clinics as bigint[]), cast(:patients as bigint[]), cast(:plans as bigint[]),
                                    cast(:instruments as text[]), cast(:occasions as text[]), cast(:dues as date[]))
                             as t(clinic_id, patient_id, plan_id, instrument, occasion, due_date)
                        where not exists (select 1 from questionnaire q where q.patient_id = t.patient_id
                                          and q.instrument = t.instrument and q.due_date = t.due_date)
                        on conflict (patient_id, instrument, due_date) do nothing
                        """)
                .param("clinics", array(due, d -> String.valueOf(d.plan().clinicId())))
                .param("patients", array(due, d -> String.valueOf(d.plan().patientId())))
                .param("plans", array(due, d -> String.valueOf(d.plan().planId())))
                .param("instruments", array(due, d -> d.occurrence().instrument().name()))
                .param("occasions", array(due, d -> d.occurrence().occasion().name()))
                .param("dues", array(due, d -> d.occurrence().dueDate().toString()))
                .update();
    }

    private static String array(List<Due> due, java.util.function.Function<Due, String> value) {
        return due.stream().map(value).collect(Collectors.joining(",", "{", "}"));
    }

    /** A questionnaire with what its status depends on. */
    record Row(long id, long clinicId, long patientId, long planId, Instrument instrument, Occasion occasion,
               LocalDate dueDate, boolean answered, LocalDate nextDue, LocalDate planEndedOn) {

        QuestionnaireStatus status(LocalDate today) {
            return OutcomeSchedule.status(instrument, dueDate, answered, nextDue, planEndedOn, today);
        }
    }

    private static final String ROW = """
            select q.id, q.clinic_id, q.patient_id, q.plan_id, q.instrument, q.occasion, q.due_date,
                   q.answered_at is not null as answered,
                   (select min(n.due_date) from questionnaire n
                    where n.patient_id = q.patient_id and n.instrument = q.instrument
                      and n.due_date > q.due_date and n.due_date <= :today) as next_due,
                   case when pl.status = 'ENDED' then cast(pl.ended_at at time zone c.time_zone as date) end as ended_on
            from questionnaire q
            join plan pl on pl.id = q.plan_id
            join clinic c on c.id = q.clinic_id
            """;

    /** The latest questionnaire of each instrument due by today: the only ones that can still be open. */
    List<Row> latest(long patientId, LocalDate today) {
        return jdbc.sql("select * from (select distinct on (x.instrument) x.* from (" + ROW + """
                         where q.patient_id = :patient and q.due_date <= :today) x
                         order by x.instrument, x.due_date desc) latest
                        order by due_date, instrument""")
                .param("patient", patientId).param("today", today)
                .query((rs, n) -> row(rs)).list();
    }

    /** Every questionnaire of the patient due by today, oldest first. */
    List<Row> all(long patientId, LocalDate today) {
        return jdbc.sql(ROW + " where q.patient_id = :patient and q.due_date <= :today order by q.due_date, q.instrument")
                .param("patient", patientId).param("today", today).query((rs, n) -> row(rs)).list();
    }

    /** One questionnaire of the patient, locked for the answer that follows; empty if not theirs. */
    Optional<Row> ofPatientForUpdate(long id, long patientId, LocalDate today) {
        return jdbc.sql(ROW + " where q.id = :id and q.patient_id = :patient for update of q")
                .param("id", id).param("patient", patientId).param("today", today)
                .query((rs, n) -> row(rs)).optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("clinic_id"), rs.getLong("patient_id"), rs.getLong("plan_id"),
                Instrument.valueOf(rs.getString("instrument")), Occasion.valueOf(rs.getString("occasion")),
                rs.getObject("due_date", LocalDate.class), rs.getBoolean("answered"),
                rs.getObject("next_due", LocalDate.class), rs.getObject("ended_on", LocalDate.class));
    }

    /**
     * Claims the questionnaire for an answer: true for exactly one caller, whatever the number of instances; a
     * second answer finds it claimed (and the response's unique questionnaire id backs this up).
     */
    boolean claim(long id) {
        return jdbc.sql("update questionnaire set answered_at = now() where id = :id and answered_at is null")
                .param("id", id).update() == 1;
    }

    /** The plan's first response of this instrument: its score and (PSFS) activity names. */
    record Baseline(BigDecimal score, List<String> activities) {
    }

    Optional<Baseline> baseline(long planId, Instrument instrument) {
        return jdbc.sql("""
                        select score, answers from questionnaire_response
                        where plan_id = :plan and instrument = :instrument
                        order by due_date, id limit 1""")
                .param("plan", planId).param("instrument", instrument.name())
                .query((rs, n) -> {
                    List<String> names = new ArrayList<>();
                    JsonNode answers = JSON.readTree(rs.getString("answers"));
                    if (answers.has("activities")) {
                        answers.get("activities").forEach(a -> names.add(a.get("name").asString()));
                    }
                    return new Baseline(rs.getBigDecimal("score"), List.copyOf(names));
                })
                .optional();
    }

    long insertResponse(Row q, LocalDate answeredOn, Long answeredBy, BigDecimal score, BigDecimal baseline,
                        BigDecimal change, boolean improved, Map<String, Object> answers) {
        return jdbc.sql("""
                        insert into questionnaire_response (clinic_id, patient_id, plan_id, questionnaire_id, instrument,
                               due_date, answered_on, answered_by, score, baseline, change, important_improvement, answers)
                        values (:clinic, :patient, :plan, :questionnaire, :instrument, :due, :on, :by, :score, :baseline,
                                :change, :improved, cast(:answers as jsonb))
                        returning id""")
                .param("clinic", q.clinicId()).param("patient", q.patientId()).param("plan", q.planId())
                .param("questionnaire", q.id()).param("instrument", q.instrument().name()).param("due", q.dueDate())
                .param("on", answeredOn).param("by", answeredBy).param("score", score).param("baseline", baseline)
                .param("change", change).param("improved", improved)
                .param("answers", JSON.writeValueAsString(answers))
                .query(Long.class).single();
    }

    /** Every response of the patient, oldest first. */
    List<OutcomeResponse> responses(long patientId) {
        return jdbc.sql("""
                        select r.id, r.plan_id, r.instrument, q.occasion, r.due_date, r.answered_on, r.score, r.baseline,
                               r.change, r.important_improvement, r.answers
                        from questionnaire_response r join questionnaire q on q.id = r.questionnaire_id
                        where r.patient_id = :patient
                        order by r.due_date, r.instrument, r.id""")
                .param("patient", patientId)
                .query((rs, n) -> {
                    Instrument instrument = Instrument.valueOf(rs.getString("instrument"));
                    return new OutcomeResponse(rs.getLong("id"), rs.getLong("plan_id"), instrument,
                            Occasion.valueOf(rs.getString("occasion")), rs.getObject("due_date", LocalDate.class),
                            rs.getObject("answered_on", LocalDate.class), rs.getBigDecimal("score"),
                            rs.getBigDecimal("baseline"), rs.getBigDecimal("change"),
                            rs.getBoolean("important_improvement"), answers(instrument, rs.getString("answers")));
                })
                .list();
    }

    static List<ItemAnswer> answers(Instrument instrument, String json) {
        JsonNode node = JSON.readTree(json);
        List<ItemAnswer> result = new ArrayList<>();
        if (instrument == Instrument.PSFS) {
            JsonNode list = node.get("activities");
            for (int i = 0; i < list.size(); i++) {
                result.add(new ItemAnswer("activities[" + i + "]", list.get(i).get("name").asString(),
                        list.get(i).get("rating").asInt()));
            }
        } else {
            for (Instrument.Item item : instrument.items()) {
                result.add(new ItemAnswer(item.key(), item.text(), node.get(item.key()).asInt()));
            }
        }
        return List.copyOf(result);
    }
}
