package com.walkrx.flag.ui;

/**
 * A component that shows flags and refreshes itself when a patient's flags change: {@link FlagAlerts} calls every
 * attached one in the UI's lock, for clinicians on the patient's care team (the caseload uses it too).
 */
public interface LiveFlags {

    void flagsChanged(long patientId);
}
