package com.walkrx.flag;

import com.walkrx.patient.SurgeryDetailsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every change to a patient's record is evaluated against the rules (red-flags.md): a surgery date
 * entered for a patient whose plan is already active raises SURGERY_CLEARANCE_MISSING at once, in the
 * same transaction as the change.
 */
@Component
class PatientChangeListener {

    private final FlagEvaluator evaluator;

    PatientChangeListener(FlagEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @EventListener
    void on(SurgeryDetailsChanged event) {
        evaluator.evaluatePatient(event.patientId());
    }
}
