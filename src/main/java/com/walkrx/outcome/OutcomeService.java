package com.walkrx.outcome;

import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditService;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.outcome.QuestionnaireStore.Baseline;
import com.walkrx.outcome.QuestionnaireStore.Due;
import com.walkrx.outcome.QuestionnaireStore.PlanSpan;
import com.walkrx.outcome.QuestionnaireStore.Row;
import com.walkrx.patient.PatientAccess;
import com.walkrx.patient.PatientAccess.Need;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcome measures (PEG, PSFS, GROC): which questionnaires a patient has due, their answers scored on the server
 * against the plan's baseline, and a patient's outcomes for the care team and for exports.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OutcomeService {

    /** The plan weeks at which the overview reports the share of important improvements. */
    public static final List<Integer> REPORTED_WEEKS = List.of(4, 8, 12);

    private final QuestionnaireStore store;
    private final PatientAccess access;
    private final AuditService audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    /** The calling patient's open questionnaires (DUE or OVERDUE), oldest due first; creates those now due. */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    public List<DueQuestionnaire> due(Caller caller) {
        long patientId = ownPatient(caller);
        access.require(caller, patientId, Need.SELF, AuditAction.VIEWED_QUESTIONNAIRES);
        LocalDate today = today(caller.clinicId());
        schedule(store.plansOf(patientId), today);
        List<DueQuestionnaire> result = new ArrayList<>();
        for (Row q : store.latest(patientId, today)) {
            QuestionnaireStatus status = q.status(today);
            if (status.open()) {
                List<String> activities = q.instrument() == Instrument.PSFS
                        ? store.baseline(q.planId(), Instrument.PSFS).map(Baseline::activities).orElse(List.of())
                        : List.of();
                result.add(new DueQuestionnaire(q.id(), q.instrument(), q.dueDate(), status, q.occasion(), activities));
            }
        }
        return result;
    }

    /**
     * Scores and stores the calling patient's answer to one of their open questionnaires. Invalid answers: {@link
     * com.walkrx.base.api.InvalidInputException} naming the field, nothing stored. Answered already, or no longer
     * open: {@link ConflictException}. Not theirs: {@link NotFoundException}.
     */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional
    public ResponseReply respond(Caller caller, long questionnaireId, ResponseRequest request) {
        long patientId = ownPatient(caller);
        LocalDate today = today(caller.clinicId());
        Optional<Row> found = store.ofPatientForUpdate(questionnaireId, patientId, today);
        if (found.isEmpty()) {
            audit.record(caller, AuditAction.ACCESS_DENIED, patientId, false,
                    AuditAction.RECORDED_QUESTIONNAIRE.name() + ": questionnaire " + questionnaireId);
            throw new NotFoundException("Questionnaire");
        }
        Row q = found.get();
        QuestionnaireStatus status = q.status(today);
        if (status == QuestionnaireStatus.ANSWERED) {
            throw new ConflictException("ALREADY_ANSWERED", "This questionnaire has already been answered.");
        }
        if (!status.open()) {
            throw new ConflictException("QUESTIONNAIRE_CLOSED",
                    "This questionnaire is no longer open: a newer one is due or the plan has ended.");
        }
        Optional<Baseline> baseline = q.instrument() == Instrument.GROC ? Optional.empty()
                : store.baseline(q.planId(), q.instrument());
        ResponseRequest.Valid valid = request.validate(q.instrument(),
                q.instrument() == Instrument.PSFS ? baseline.map(Baseline::activities).orElse(null) : null);
        ResponseReply reply = store(q, valid, baseline, today, caller.userId());
        audit.record(caller, AuditAction.RECORDED_QUESTIONNAIRE, patientId, true,
                q.instrument() + " due " + q.dueDate() + ": " + reply.score());
        return reply;
    }

    /** Claims the questionnaire and stores the scored response; a second claim is a conflict. */
    ResponseReply store(Row q, ResponseRequest.Valid valid, Optional<Baseline> baseline, LocalDate answeredOn,
                        Long answeredBy) {
        if (!store.claim(q.id())) {
            throw new ConflictException("ALREADY_ANSWERED", "This questionnaire has already been answered.");
        }
        BigDecimal score = Scoring.score(q.instrument(), valid.values());
        BigDecimal base = q.instrument() == Instrument.GROC ? null : baseline.map(Baseline::score).orElse(score);
        BigDecimal change = base == null ? null : score.subtract(base);
        boolean improved = Scoring.importantImprovement(q.instrument(), base, score);
        long id = store.insertResponse(q, answeredOn, answeredBy, score, base, change, improved,
                valid.asJson(q.instrument()));
        return new ResponseReply(id, q.instrument(), score, base, change, improved);
    }

    /** For the demo: creates the patient's due questionnaires and returns them all, oldest first. */
    List<Row> scheduleAndList(long patientId, LocalDate today) {
        schedule(store.plansOf(patientId), today);
        return store.all(patientId, today);
    }

    Optional<Baseline> baseline(long planId, Instrument instrument) {
        return store.baseline(planId, instrument);
    }

    /** Every response of a patient the caller may read, oldest first, with baseline and change; audited. */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<OutcomeResponse> outcomes(Caller caller, long patientId) {
        access.require(caller, patientId, Need.READ, AuditAction.VIEWED_OUTCOMES);
        return store.responses(patientId);
    }

    /**
     * The same responses for an export of the patient's record that the caller has already been allowed and that
     * is audited as EXPORTED: scoped to the care team like the export, but not audited again as a view.
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional(readOnly = true)
    public List<OutcomeResponse> outcomesForExport(Caller caller, long patientId) {
        access.require(caller, patientId, Need.CARE, AuditAction.EXPORTED, PatientAccess.Audit.DENIAL_ONLY);
        return store.responses(patientId);
    }

    /**
     * For the caller's patients (admin: clinic, clinician: care teams): of those who answered the PEG and PSFS due
     * at plan weeks 4, 8 and 12, how many showed an important improvement. Aggregate counts only.
     */
    @PreAuthorize("hasAnyRole('CLINICIAN', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ImprovementShare> improvementShares(Caller caller) {
        return jdbc.sql("""
                        select i.instrument, w.week, count(distinct r.patient_id) as answered,
                               count(distinct r.patient_id) filter (where r.important_improvement) as improved
                        from unnest(array[4, 8, 12]) as w(week)
                        cross join unnest(array['PEG', 'PSFS']) as i(instrument)
                        left join (select r.patient_id, r.instrument, r.due_date, r.important_improvement, pl.start_date
                                   from questionnaire_response r
                                   join plan pl on pl.id = r.plan_id
                                   join patient p on p.id = r.patient_id
                                   where r.baseline is not null and """ + " " + PatientAccess.scopeSql(caller) + """
                                  ) r on r.instrument = i.instrument and r.due_date = r.start_date + 7 * w.week
                        group by i.instrument, w.week
                        order by i.instrument, w.week""")
                .params(PatientAccess.scopeParams(caller))
                .query((rs, n) -> new ImprovementShare(Instrument.valueOf(rs.getString("instrument")),
                        rs.getInt("week"), rs.getLong("answered"), rs.getLong("improved")))
                .list();
    }

    /**
     * Creates every questionnaire that live (and recently ended) plans have made due by today, in pages; safe to
     * run on several instances at once. Returns how many were created.
     */
    public int scheduleAll() {
        int created = 0;
        long after = 0;
        while (true) {
            List<PlanSpan> page = store.schedulable(after, 500);
            if (page.isEmpty()) {
                return created;
            }
            List<Due> due = new ArrayList<>();
            for (PlanSpan plan : page) {
                LocalDate today = LocalDate.ofInstant(clock.instant(), plan.zone());
                OutcomeSchedule.occurrences(plan.start(), plan.endedOn(), today)
                        .forEach(o -> due.add(new Due(plan, o)));
            }
            created += store.materialize(due);
            after = page.getLast().planId();
        }
    }

    private void schedule(List<PlanSpan> plans, LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (PlanSpan plan : plans) {
            OutcomeSchedule.occurrences(plan.start(), plan.endedOn(), today).forEach(o -> due.add(new Due(plan, o)));
        }
        store.materialize(due);
    }

    /** Today in the clinic's time zone. */
    public LocalDate today(long clinicId) {
        ZoneId zone = store.zone(clinicId);
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static long ownPatient(Caller caller) {
        if (caller.patientId() == null) {
            throw new NotFoundException("Patient");
        }
        return caller.patientId();
    }
}
