package com.walkrx.flag;

import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.base.cluster.ClusterLock;
import com.walkrx.checkin.CheckInEvaluator;
import com.walkrx.flag.FlagRecorder.Stored;
import com.walkrx.flag.FlagRules.Rule;
import com.walkrx.plan.PlanControl;
import com.walkrx.plan.PlanControl.PlanState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the see-a-doctor rules: for each check-in inside the check-in's transaction (so a check-in and its flags
 * commit together), and for the state rules (missed check-ins, surgery clearance) on a schedule or when a
 * patient's record changes. Raises or extends flags, pauses the plan for URGENT and HIGH flags, proposes a step
 * back for pain with walking, and announces URGENT and HIGH flags to clinicians after the commit.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FlagEvaluator implements CheckInEvaluator {

    private static final Set<FlagCode> STEP_BACK = EnumSet.of(FlagCode.PAIN_WORSENS_WITH_WALKING,
            FlagCode.SHARP_OR_SEVERE_PAIN);
    /** The {@link ClusterLock} job name of the scheduled pass. */
    static final String SCHEDULE_JOB = "flag-schedule";

    private final HistoryLoader history;
    private final FlagRecorder recorder;
    private final FlagRepository flags;
    private final PlanControl planControl;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final ClusterLock cluster;
    private final Clock clock;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Evaluation evaluate(long clinicId, long patientId, long checkInId, LocalDate date) {
        return evaluate(clinicId, patientId, checkInId, date, clock.instant());
    }

    /**
     * As {@link #evaluate(long, long, long, LocalDate)}, recording the flags as raised at {@code at}. The check-in's
     * transaction already holds the patient's lock ({@link CheckInEvaluator#PATIENT_LOCK}); one statement reads the
     * history with the patient's unresolved flags, and flags are looked up for update only where one is open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Evaluation evaluate(long clinicId, long patientId, long checkInId, LocalDate date, Instant at) {
        PlanState plan = livePlan(patientId);
        HistoryLoader.Loaded loaded = history.loadWithFlags(patientId, date, checkInId, plan);
        PatientHistory h = loaded.history();

        boolean changed = false;
        // A check-in ends a silence: the system resolves the missed-check-ins flag.
        if (loaded.unresolved().contains(FlagCode.MISSED_CHECK_INS)) {
            for (Flag missed : flags.findUnresolvedForUpdate(patientId, FlagCode.MISSED_CHECK_INS).stream().toList()) {
                missed.resolveBySystem("The patient checked in again (check-in of " + date + ").", at);
                changed = true;
            }
        }
        List<Stored> stored = apply(clinicId, patientId, FlagRules.ON_CHECK_IN, h, at);
        changed |= !stored.isEmpty();
        boolean paused = act(patientId, stored, plan);
        announce(clinicId, patientId, stored, changed);
        return new Evaluation(stored.stream().map(FlagEvaluator::raisedFlag).toList(), paused);
    }

    /**
     * Evaluates the rules about the patient's state (SURGERY_CLEARANCE_MISSING, MISSED_CHECK_INS) as of today,
     * e.g. after a surgery date was entered. Returns the flags raised or extended.
     */
    @Transactional
    public List<RaisedFlag> evaluatePatient(long patientId) {
        return evaluatePatient(patientId, LocalDate.now(clock), clock.instant());
    }

    @Transactional
    List<RaisedFlag> evaluatePatient(long patientId, LocalDate today, Instant at) {
        recorder.lockPatient(patientId);
        PlanState plan = livePlan(patientId);
        PatientHistory h = history.load(patientId, today, null, plan);
        long clinicId = history.patient(patientId).clinicId();
        List<Stored> stored = apply(clinicId, patientId, FlagRules.ON_SCHEDULE, h, at);
        act(patientId, stored, plan);
        announce(clinicId, patientId, stored, !stored.isEmpty());
        return stored.stream().map(FlagEvaluator::raisedFlag).toList();
    }

    /**
     * The scheduled pass over every clinic: patients with no check-in for 3 whole days, and patients with a
     * recent surgery and no clearance, that have no such flag yet. Only one app instance runs it at a time (the
     * {@link ClusterLock} of {@value #SCHEDULE_JOB}, held for the transaction); another instance skips the round,
     * and a round after another's commit finds nothing left to raise. Returns the number
     * of flags raised or extended, or -1 when another instance held the lock.
     */
    @Transactional
    public int evaluateSchedule() {
        if (!cluster.tryLock(SCHEDULE_JOB)) {
            return -1;
        }
        LocalDate today = LocalDate.now(clock);
        Instant at = clock.instant();
        List<Long> candidates = jdbc.sql("""
                        select p.id from patient p
                        where (not exists (select 1 from check_in c where c.patient_id = p.id and c.date >= :firstMissed)
                               and not exists (select 1 from flag f where f.patient_id = p.id
                                               and f.code = 'MISSED_CHECK_INS' and f.status <> 'RESOLVED'))
                           or (p.surgery_date between :surgeryFrom and :today and p.surgeon_clearance_date is null
                               and not exists (select 1 from flag f where f.patient_id = p.id
                                               and f.code = 'SURGERY_CLEARANCE_MISSING' and f.status <> 'RESOLVED'))
                        order by p.id
                        """)
                .param("firstMissed", today.minusDays(FlagRules.MISSED_DAYS))
                .param("surgeryFrom", today.minusWeeks(FlagRules.SURGERY_WEEKS))
                .param("today", today)
                .query(Long.class).list();
        if (candidates.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (long patientId : candidates) {
            count += evaluatePatient(patientId, today, at).size();
        }
        return count;
    }

    private PlanState livePlan(long patientId) {
        return planControl.livePlan(patientId).orElse(null);
    }

    private List<Stored> apply(long clinicId, long patientId, List<Rule> rules, PatientHistory h, Instant at) {
        List<Stored> stored = new ArrayList<>();
        for (Rule rule : rules) {
            rule.evaluate(h).ifPresent(match -> {
                Stored s = recorder.store(clinicId, patientId, match, at);
                if (s.changed()) {
                    stored.add(s);
                }
            });
        }
        return stored;
    }

    /** Pauses the plan for URGENT and HIGH flags and proposes a step back; true when the plan is paused now. */
    boolean act(long patientId, List<Stored> stored, PlanState plan) {
        return act(planControl, patientId, stored, plan);
    }

    static boolean act(PlanControl control, long patientId, List<Stored> stored, PlanState plan) {
        boolean paused = plan != null && plan.status() == PlanStatus.PAUSED;
        if (plan == null) {
            return paused;
        }
        for (Stored s : stored) {
            Flag flag = s.flag();
            if (flag.getTier().pausesPlan()) {
                paused |= control.pauseForFlag(patientId, flag.getCode().name(),
                        flag.getCode().label() + ": " + flag.latestDetail());
            }
            if (s.raised() && STEP_BACK.contains(flag.getCode())) {
                control.proposeStepBack(patientId, flag.getCode().label() + ": " + flag.latestDetail());
            }
        }
        return paused;
    }

    private void announce(long clinicId, long patientId, List<Stored> stored, boolean changed) {
        String name = null;
        for (Stored s : stored) {
            if (s.flag().getTier().pausesPlan()) {
                if (name == null) {
                    name = history.patient(patientId).name();
                }
                events.publishEvent(new FlagRaised(clinicId, patientId, name, s.flag().getId(), s.flag().getCode(),
                        s.flag().getTier(), s.raised()));
            }
        }
        if (changed) {
            events.publishEvent(new FlagsChanged(clinicId, patientId));
        }
    }

    private static RaisedFlag raisedFlag(Stored s) {
        Flag f = s.flag();
        return new RaisedFlag(f.getId(), f.getCode().name(), f.getTier(), f.getCode().patientMessage());
    }
}
