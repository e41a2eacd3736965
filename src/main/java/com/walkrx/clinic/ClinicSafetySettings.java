package com.walkrx.clinic;

import java.util.Locale;

/**
 * A clinic's safety and workflow settings (issue 20, helper flow): escalation thresholds, the locale every
 * date is written in, and the numbers on the patient's safety screen. Other sections (e.g. staff MFA) are added
 * beside it.
 *
 * @param urgentEscalationMinutes an URGENT flag nobody acknowledged this long is e-mailed to the care team (15)
 * @param highEscalationMinutes   the same for HIGH (240)
 * @param locale                  BCP 47 tag, e.g. en-GB (dd/MM/yyyy, weeks start on Monday)
 * @param emergencyNumber         e.g. 999, shown as a call button when a plan is paused by a flag
 * @param urgentAdviceLine        e.g. 111
 * @param clinicPhone             the clinic's own number; null when none is set
 */
public record ClinicSafetySettings(int urgentEscalationMinutes, int highEscalationMinutes, String locale,
                             String emergencyNumber, String urgentAdviceLine, String clinicPhone) {

    public Locale javaLocale() {
        return Locale.forLanguageTag(locale);
    }
}
