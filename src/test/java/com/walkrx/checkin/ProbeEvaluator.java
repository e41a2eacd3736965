package com.walkrx.checkin;

import com.walkrx.base.clinical.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the flag module's evaluator, armed per patient by the tests of this package and inert for
 * every other patient: it raises a made-up flag, or fails, to prove the evaluation runs inside the check-in's
 * transaction.
 */
@Component
public class ProbeEvaluator implements CheckInEvaluator {

    public enum Behaviour { RAISE, FAIL }

    public static final RaisedFlag PROBE_FLAG = new RaisedFlag(999_999L, "PROBE", Tier.HIGH, "Contact your doctor (probe).");
    private static final Map<Long, Behaviour> armed = new ConcurrentHashMap<>();
    /** Per patient: how many walks of the evaluated check-in the evaluator could already read. */
    static final Map<Long, Integer> walksSeen = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;

    ProbeEvaluator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static void arm(long patientId, Behaviour behaviour) {
        armed.put(patientId, behaviour);
    }

    public static void disarm(long patientId) {
        armed.remove(patientId);
        walksSeen.remove(patientId);
    }

    @Override
    public Evaluation evaluate(long clinicId, long patientId, long checkInId, LocalDate date) {
        Behaviour behaviour = armed.get(patientId);
        if (behaviour == null) {
            return Evaluation.none();
        }
        walksSeen.put(patientId, jdbc.sql("select count(*) from walk where check_in_id = ?").param(checkInId)
                .query(Integer.class).single());
        if (behaviour == Behaviour.FAIL) {
            throw new IllegalStateException("probe evaluator failed on purpose");
        }
        return new Evaluation(List.of(PROBE_FLAG), true);
    }
}
