package com.walkrx.flag;

/** What a clinician did about a flag when resolving it; required (with a note) for URGENT and HIGH flags. */
public enum FlagAction {
    CALLED_PATIENT, SENT_TO_EMERGENCY_CARE, GP_INFORMED, REFERRED_TO_SPECIALIST, APPOINTMENT_BOOKED, ADVICE_GIVEN,
    OTHER;

    public String label() {
        return switch (this) {
            case CALLED_PATIENT -> "Called the patient";
            case SENT_TO_EMERGENCY_CARE -> "Sent to emergency care";
            case GP_INFORMED -> "GP informed";
            case REFERRED_TO_SPECIALIST -> "Referred to a specialist";
            case APPOINTMENT_BOOKED -> "Appointment booked";
            case ADVICE_GIVEN -> "Advice given, patient monitored";
            case OTHER -> "Other (described in the note)";
        };
    }
}
