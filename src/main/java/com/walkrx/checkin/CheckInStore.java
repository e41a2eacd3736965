package com.walkrx.checkin;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.UnprocessableException;
import com.walkrx.base.security.Caller;
import com.walkrx.checkin.CheckInEvaluator.Evaluation;
import com.walkrx.checkin.CheckInEvaluator.RaisedFlag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write path of a check-in: one transaction, one commit. Its first statement checks that the caller is the
 * patient, takes the patient's lock ({@link CheckInEvaluator#PATIENT_LOCK}), inserts the check-in and its walks
 * and the success audit entry (data-modifying CTEs); then the {@link CheckInRecorded} event and every
 * {@link CheckInEvaluator} run in the same transaction, so a reply is only ever given for a check-in that
 * committed together with its flags and its audit entry. A repeated Idempotency-Key of the patient inserts
 * nothing (the unique index decides, waiting for a concurrent first request) and returns the first reply.
 */
@Component
class CheckInStore {

    /** What storing did: denied (nothing written), or the reply (a new check-in's or a repeated request's). */
    record Stored(boolean allowed, CheckInReply reply) {
    }

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    /** In {@code @Order}: the flag module's evaluator (no bean cycle: it depends on no check-in bean). */
    private final List<CheckInEvaluator> evaluators;
    private final JsonMapper json;
    private final Clock clock;

    CheckInStore(JdbcClient jdbc, AuditService audit, ApplicationEventPublisher events,
                 List<CheckInEvaluator> evaluators, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.evaluators = List.copyOf(evaluators);
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Stored store(Caller caller, CheckInCommand command, String idempotencyKey) {
        long patientId = caller.patientId();
        FieldProblem dateProblem = CheckInRules.dateProblem(command.date(), LocalDate.now(clock));
        if (dateProblem != null) {
            // Only a repeat of a request that was stored (when its date was still in the window) gets a reply.
            return repeated(caller, idempotencyKey, command)
                    .orElseThrow(() -> new InvalidInputException(List.of(dateProblem)));
        }
        AuditService.Cte audited = audit.allowedAccessCte("audited", caller, AuditAction.RECORDED_CHECK_IN, patientId,
                "exists (select 1 from me)",
                "case when exists (select 1 from ci) then null else 'repeated request: the first reply' end");
        Map<String, Object> params = new HashMap<>(audited.params());
        params.putAll(values(caller, command, idempotencyKey));
        // One round trip: who may, the patient's lock, the check-in, its walks and the audit entry.
        Object[] result = jdbc.sql("""
                        with me as (
                            select p.id from patient p
                            where p.id = :patient and p.clinic_id = :clinic and p.user_id = :user),
                        locked as (
                            select pg_advisory_xact_lock(:lockNamespace, :lockKey) from me),
                        ci as (
                            insert into check_in (id, clinic_id, patient_id, date, recorded_at, overall_pain, steps,
                                                  notes, numbness_tingling, leg_weakness, both_legs, saddle_numbness,
                                                  bladder_bowel_problems, fever, unexplained_weight_loss,
                                                  new_injury_or_fall, idempotency_key, request_hash)
                            select nextval('check_in_seq'), :clinic, :patient, :date, :recordedAt, :pain, :steps,
                                   :notes, :numbness, :weakness, :bothLegs, :saddle, :bladder, :fever, :weightLoss,
                                   :injury, :key, :requestHash
                            from locked
                            on conflict (patient_id, idempotency_key) where idempotency_key is not null do nothing
                            returning id),
                        walked as (
                            insert into walk (id, check_in_id, clinic_id, patient_id, date, position, minutes, surface,
                                              pain_before, pain_after, sharp_pain, steps)
                            select nextval('walk_seq'), ci.id, :clinic, :patient, :date, cast(v.n as int) - 1,
                                   v.minutes, v.surface, v.pain_before, v.pain_after, v.sharp_pain, v.steps
                            from ci cross join unnest(cast(:walkMinutes as int[]), cast(:walkSurfaces as text[]),
                                       cast(:walkPainBefore as smallint[]), cast(:walkPainAfter as smallint[]),
                                       cast(:walkSharp as boolean[]), cast(:walkSteps as int[]))
                                 with ordinality as v(minutes, surface, pain_before, pain_after, sharp_pain, steps, n)
                            returning id),
                        """ + audited.sql() + """

                        select exists (select 1 from me) as allowed, (select id from ci) as id
                        """)
                .params(params)
                .query((rs, n) -> new Object[] {rs.getBoolean("allowed"), (Long) rs.getObject("id", Long.class)})
                .single();
        if (!(Boolean) result[0]) {
            return new Stored(false, null);
        }
        if (result[1] == null) {
            // The key was used before (or by a concurrent request that has committed since): its first reply,
            // if it was used for this same check-in.
            return new Stored(true, firstReply(patientId, idempotencyKey, command));
        }
        long id = (Long) result[1];
        requireWithinDayLimit(patientId, id, command);
        long clinicId = caller.clinicId();
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
            jdbc.sql("update check_in set reply = :reply where id = :id")
                    .param("reply", json.writeValueAsString(reply)).param("id", id).update();
        }
        return new Stored(true, reply);
    }

    /** With a date no longer in the window: the caller's access, then the first reply of a repeated request. */
    private Optional<Stored> repeated(Caller caller, String idempotencyKey, CheckInCommand command) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        boolean allowed = jdbc.sql("""
                        select count(*) from (select pg_advisory_xact_lock(:ns, :key) from patient p
                                              where p.id = :patient and p.clinic_id = :clinic and p.user_id = :user) l
                        """)
                .param("ns", CheckInEvaluator.PATIENT_LOCK).param("key", CheckInEvaluator.lockKey(caller.patientId()))
                .param("patient", caller.patientId()).param("clinic", caller.clinicId()).param("user", caller.userId())
                .query(Long.class).single() > 0;
        if (!allowed) {
            return Optional.of(new Stored(false, null));
        }
        return Optional.ofNullable(firstReplyOrNull(caller.patientId(), idempotencyKey, command)).map(reply -> {
            audit.record(caller, AuditAction.RECORDED_CHECK_IN, caller.patientId(), true,
                    "repeated request: the first reply");
            return new Stored(true, reply);
        });
    }

    private CheckInReply firstReply(long patientId, String key, CheckInCommand command) {
        CheckInReply reply = firstReplyOrNull(patientId, key, command);
        if (reply == null) {
            throw new IllegalStateException("A check-in with this Idempotency-Key has no stored reply");
        }
        return reply;
    }

    /** The first reply to this key, after checking the key is repeated with its first check-in (issue 12). */
    private CheckInReply firstReplyOrNull(long patientId, String key, CheckInCommand command) {
        return jdbc.sql("select reply, request_hash from check_in where patient_id = :patient and idempotency_key = :key")
                .param("patient", patientId)
                .param("key", key)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .map(stored -> {
                    if (stored[1] != null && !stored[1].equals(requestHash(command))) {
                        throw new UnprocessableException("IDEMPOTENCY_KEY_REUSED",
                                "This Idempotency-Key was used for a different check-in; nothing was stored. "
                                        + "Send a new key for a new check-in.");
                    }
                    return stored[0] == null ? null : json.readValue(stored[0], CheckInReply.class);
                }).orElse(null);
    }

    /**
     * The plausibility limit across check-ins (walking-plans.md): the date's walks, stored and new, add up to at
     * most {@link CheckInRules#MAX_MINUTES_PER_DAY} minutes. Read after the insert statement, whose patient lock
     * this transaction now holds: every other check-in of the patient (any instance) has committed or waits, and
     * this statement's snapshot sees the committed ones. Over the limit, the whole check-in rolls back.
     */
    private void requireWithinDayLimit(long patientId, long checkInId, CheckInCommand command) {
        if (command.walks().isEmpty()) {
            return;
        }
        int stored = jdbc.sql("""
                        select coalesce(sum(minutes), 0) from walk
                        where patient_id = :patient and date = :date and check_in_id <> :id""")
                .param("patient", patientId)
                .param("date", command.date())
                .param("id", checkInId)
                .query(Integer.class).single();
        List<FieldProblem> problems = CheckInRules.plausibilityProblems(
                command.walks().stream().map(w -> (Integer) w.minutes().value()).toList(), stored);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
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

    private Map<String, Object> values(Caller caller, CheckInCommand c, String key) {
        Map<String, Object> p = new HashMap<>();
        p.put("patient", caller.patientId());
        p.put("clinic", caller.clinicId());
        p.put("user", caller.userId());
        p.put("lockNamespace", CheckInEvaluator.PATIENT_LOCK);
        p.put("lockKey", CheckInEvaluator.lockKey(caller.patientId()));
        p.put("date", c.date());
        p.put("recordedAt", Timestamp.from(clock.instant()));
        // Typed, so a null needs no parameter-type look-up (a round trip of its own) in the driver.
        p.put("pain", typed(Types.SMALLINT, c.overallPain() == null ? null : (short) c.overallPain().value()));
        p.put("steps", typed(Types.INTEGER, c.steps() == null ? null : c.steps().value()));
        p.put("notes", typed(Types.VARCHAR, c.notes()));
        Symptoms s = c.symptoms();
        p.put("numbness", typed(Types.VARCHAR, s == null ? null : s.numbnessTingling().name()));
        p.put("weakness", typed(Types.VARCHAR, s == null ? null : s.legWeakness().name()));
        p.put("bothLegs", typed(Types.BOOLEAN, s == null ? null : s.bothLegs()));
        p.put("saddle", typed(Types.BOOLEAN, s == null ? null : s.saddleNumbness()));
        p.put("bladder", typed(Types.BOOLEAN, s == null ? null : s.bladderBowelProblems()));
        p.put("fever", typed(Types.BOOLEAN, s == null ? null : s.fever()));
        p.put("weightLoss", typed(Types.BOOLEAN, s == null ? null : s.unexplainedWeightLoss()));
        p.put("injury", typed(Types.BOOLEAN, s == null ? null : s.newInjuryOrFall()));
        p.put("key", typed(Types.VARCHAR, key));
        p.put("requestHash", typed(Types.VARCHAR, key == null ? null : requestHash(c)));
        List<WalkEntry> walks = c.walks();
        StringBuilder minutes = new StringBuilder("{");
        StringBuilder surfaces = new StringBuilder("{");
        StringBuilder before = new StringBuilder("{");
        StringBuilder after = new StringBuilder("{");
        StringBuilder sharp = new StringBuilder("{");
        StringBuilder steps = new StringBuilder("{");
        for (int i = 0; i < walks.size(); i++) {
            String sep = i == 0 ? "" : ",";
            WalkEntry w = walks.get(i);
            minutes.append(sep).append(w.minutes().value());
            surfaces.append(sep).append(w.surface().name());
            before.append(sep).append(w.painBefore().value());
            after.append(sep).append(w.painAfter().value());
            sharp.append(sep).append(w.sharpPain());
            steps.append(sep).append(w.steps() == null ? "NULL" : Integer.toString(w.steps().value()));
        }
        p.put("walkMinutes", minutes.append('}').toString());
        p.put("walkSurfaces", surfaces.append('}').toString());
        p.put("walkPainBefore", before.append('}').toString());
        p.put("walkPainAfter", after.append('}').toString());
        p.put("walkSharp", sharp.append('}').toString());
        p.put("walkSteps", steps.append('}').toString());
        return p;
    }

    private static SqlParameterValue typed(int sqlType, Object value) {
        return new SqlParameterValue(sqlType, value);
    }
}
