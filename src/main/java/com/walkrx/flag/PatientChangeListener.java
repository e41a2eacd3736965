package com.walkrx.flag;

import com.walkrx.patient.SurgeryDetailsChanged;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every change to a patient's record is evaluated against the rules (red-flags.md): a surgery date
 * entered for a patient whose plan is already active raises SURGERY_CLEARANCE_MISSING at once, in the
 * same transaction as the change.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PatientChangeListener {

    private final FlagEvaluator evaluator;

    @EventListener
    void on(SurgeryDetailsChanged event) {
        evaluator.evaluatePatient(event.patientId());
    }
}
