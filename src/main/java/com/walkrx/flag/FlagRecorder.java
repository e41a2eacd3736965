package com.walkrx.flag;

import com.walkrx.checkin.CheckInEvaluator;
import com.walkrx.flag.RuleMatch.Evidence;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores rule matches with the deduplication of red-flags.md: while a flag of the same code is OPEN or
 * ACKNOWLEDGED, a match adds its evidence to it; otherwise (none yet, or only RESOLVED ones) a new flag opens.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FlagRecorder {

    private final FlagRepository flags;
    private final JdbcClient jdbc;

    /** What storing a match did. */
    record Stored(Flag flag, boolean raised, boolean evidenceAdded) {

        /** True when the match changed anything: a new flag, or new evidence on an open one. */
        boolean changed() {
            return raised || evidenceAdded;
        }
    }

    /**
     * Serialises all flag writes of one patient until the transaction ends, so two check-ins (or a check-in and
     * the schedule, on any instance) never open two flags of one code.
     */
    void lockPatient(long patientId) {
        jdbc.sql("select pg_advisory_xact_lock(:ns, :key)")
                .param("ns", CheckInEvaluator.PATIENT_LOCK)
                .param("key", CheckInEvaluator.lockKey(patientId))
                .query().singleRow();
    }

    Stored store(long clinicId, long patientId, RuleMatch match, Instant at) {
        Flag flag = flags.findUnresolvedForUpdate(patientId, match.code()).orElse(null);
        boolean raised = false;
        if (flag == null) {
            flag = new Flag(clinicId, patientId, match.code(), at);
            raised = true;
        }
        boolean added = false;
        for (Evidence e : match.evidence()) {
            added |= flag.addEvidence(e.checkInId(), e.detail(), at);
        }
        if (raised) {
            flag = flags.save(flag);
        }
        return new Stored(flag, raised, added && !raised);
    }
}
