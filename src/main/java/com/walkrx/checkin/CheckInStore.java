package com.walkrx.checkin;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.checkin.CheckInEvaluator.Evaluation;
import com.walkrx.checkin.CheckInEvaluator.RaisedFlag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write path of a check-in: one transaction holding the idempotency look-up, the check-in and its walks
 * (inserted in one batch), the {@link CheckInRecorded} event and every {@link CheckInEvaluator}, so a reply
 * is only ever given for a check-in that committed together with its flags.
 */
@Component
class CheckInStore {

    private final CheckInRepository checkIns;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    /** In {@code @Order}: the flag module's evaluator (no bean cycle: it depends on no check-in bean). */
    private final List<CheckInEvaluator> evaluators;
    private final JsonMapper json;
    private final Clock clock;

    CheckInStore(CheckInRepository checkIns, JdbcClient jdbc, ApplicationEventPublisher events,
                 List<CheckInEvaluator> evaluators, JsonMapper json, Clock clock) {
        this.checkIns = checkIns;
        this.jdbc = jdbc;
        this.events = events;
        this.evaluators = List.copyOf(evaluators);
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    CheckInReply store(long clinicId, long patientId, CheckInCommand command, String idempotencyKey) {
        if (idempotencyKey != null) {
            // Serialises requests with the same key across threads and app instances until this transaction
            // ends; the second one then finds the first one's committed row.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, :patient))")
                    .param("key", idempotencyKey)
                    .param("patient", patientId)
                    .query((rs, n) -> 1).list();
            Optional<String> earlier = jdbc.sql(
                            "select reply from check_in where patient_id = :patient and idempotency_key = :key")
                    .param("patient", patientId)
                    .param("key", idempotencyKey)
                    .query(String.class).optional();
            if (earlier.isPresent()) {
                return json.readValue(earlier.get(), CheckInReply.class);
            }
        }
        FieldProblem dateProblem = CheckInRules.dateProblem(command.date(), LocalDate.now(clock));
        if (dateProblem != null) {
            throw new InvalidInputException(List.of(dateProblem));
        }

        CheckIn checkIn = checkIns.saveAndFlush(
                new CheckIn(clinicId, patientId, command, idempotencyKey, Instant.now(clock)));
        long id = checkIn.getId();
        events.publishEvent(new CheckInRecorded(clinicId, patientId, id, command.date()));

        List<RaisedFlag> flags = new ArrayList<>();
        boolean planPaused = false;
        for (CheckInEvaluator evaluator : evaluators) {
            Evaluation evaluation = evaluator.evaluate(clinicId, patientId, id, command.date());
            if (evaluation != null) {
                flags.addAll(evaluation.flags());
                planPaused |= evaluation.planPaused();
            }
        }
        CheckInReply reply = new CheckInReply(id, flags, planPaused);
        if (idempotencyKey != null) {
            checkIn.rememberReply(json.writeValueAsString(reply));
        }
        return reply;
    }
}
