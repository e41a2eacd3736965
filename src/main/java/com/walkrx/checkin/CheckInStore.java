package com.walkrx.checkin;

import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.UnprocessableException;
import com.walkrx.checkin.CheckInEvaluator.Evaluation;
import com.walkrx.checkin.CheckInEvaluator.RaisedFlag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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
    // A provider rather than a list: evaluators live in modules that may in turn depend on check-ins.
    private final ObjectProvider<CheckInEvaluator> evaluators;
    private final JsonMapper json;
    private final Clock clock;

    CheckInStore(CheckInRepository checkIns, JdbcClient jdbc, ApplicationEventPublisher events,
                 ObjectProvider<CheckInEvaluator> evaluators, JsonMapper json, Clock clock) {
        this.checkIns = checkIns;
        this.jdbc = jdbc;
        this.events = events;
        this.evaluators = evaluators;
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
            Optional<String[]> earlier = jdbc.sql("select reply, request_hash from check_in "
                            + "where patient_id = :patient and idempotency_key = :key")
                    .param("patient", patientId)
                    .param("key", idempotencyKey)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (earlier.isPresent()) {
                requireSameRequest(earlier.get()[1], command);
                return json.readValue(earlier.get()[0], CheckInReply.class);
            }
        }
        FieldProblem dateProblem = CheckInRules.dateProblem(command.date(), LocalDate.now(clock));
        if (dateProblem != null) {
            throw new InvalidInputException(List.of(dateProblem));
        }
        requireWithinDayLimit(patientId, command);

        CheckIn checkIn = checkIns.saveAndFlush(
                new CheckIn(clinicId, patientId, command, idempotencyKey, Instant.now(clock)));
        long id = checkIn.getId();
        events.publishEvent(new CheckInRecorded(clinicId, patientId, id, command.date()));

        List<RaisedFlag> flags = new ArrayList<>();
        boolean planPaused = false;
        for (CheckInEvaluator evaluator : evaluators.orderedStream().toList()) {
            Evaluation evaluation = evaluator.evaluate(clinicId, patientId, id, command.date());
            if (evaluation != null) {
                flags.addAll(evaluation.flags());
                planPaused |= evaluation.planPaused();
            }
        }
        CheckInReply reply = new CheckInReply(id, flags, planPaused);
        if (idempotencyKey != null) {
            checkIn.rememberReply(json.writeValueAsString(reply), requestHash(command));
        }
        return reply;
    }

    /**
     * The plausibility limit across check-ins (walking-plans.md): the date's walks, stored and new, add up to at
     * most {@link CheckInRules#MAX_MINUTES_PER_DAY} minutes. A transaction lock per patient and date makes two
     * check-ins of the same day (any app instance) count one after the other.
     */
    private void requireWithinDayLimit(long patientId, CheckInCommand command) {
        if (command.walks().isEmpty()) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('walk-day ' || cast(:date as text), :patient))")
                .param("date", command.date())
                .param("patient", patientId)
                .query((rs, n) -> 1).list();
        int stored = jdbc.sql("select coalesce(sum(minutes), 0) from walk where patient_id = :patient and date = :date")
                .param("patient", patientId)
                .param("date", command.date())
                .query(Integer.class).single();
        List<FieldProblem> problems = CheckInRules.plausibilityProblems(
                command.walks().stream().map(w -> (Integer) w.minutes().value()).toList(), stored);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A repeated Idempotency-Key must carry the request it was first used for (issue 12); null: stored before. */
    private void requireSameRequest(String storedHash, CheckInCommand command) {
        if (storedHash != null && !storedHash.equals(requestHash(command))) {
            throw new UnprocessableException("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used for a different check-in; nothing was stored. "
                            + "Send a new key for a new check-in.");
        }
    }

    /** SHA-256 of the validated check-in's canonical JSON: the same content hashes alike however it was written. */
    private String requestHash(CheckInCommand command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
