package com.walkrx.plan.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.walkrx.clinic.ClinicSafetySettings;

/** Tap-to-call buttons on the patient's paused-plan screen, from the clinic's settings (emergency, advice, clinic). */
final class SafetyCalls {

    private SafetyCalls() {
    }

    static Div of(ClinicSafetySettings s) {
        Div calls = new Div();
        calls.addClassName("safety-calls");
        calls.add(call("Call " + s.emergencyNumber() + " (emergency)", s.emergencyNumber(), "call-emergency"));
        calls.add(call("Call " + s.urgentAdviceLine() + " (urgent advice)", s.urgentAdviceLine(), "call-advice"));
        if (s.clinicPhone() != null) {
            calls.add(call("Call your clinic (" + s.clinicPhone() + ")", s.clinicPhone(), "call-clinic"));
        }
        return calls;
    }

    private static Anchor call(String text, String number, String className) {
        Anchor a = new Anchor("tel:" + number.replaceAll("[^0-9+]", ""), text);
        a.addClassNames("safety-call", className);
        return a;
    }
}
