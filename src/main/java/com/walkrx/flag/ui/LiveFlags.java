package com.walkrx.flag.ui;

/** A component that shows flags and refreshes itself when a patient's flags change (called in the UI's lock). */
interface LiveFlags {

    void flagsChanged(long patientId);
}
