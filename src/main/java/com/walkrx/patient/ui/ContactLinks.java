package com.walkrx.patient.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.walkrx.patient.PatientContact;

/** A patient's contact details as {@code tel:} and {@code mailto:} links (chart header, flag card). */
public final class ContactLinks {

    private ContactLinks() {
    }

    /** "Phone 07700 900123 · E-mail ada@example.org · Emergency contact Bob Byrne 07700 900456", each a link. */
    public static Span of(PatientContact c) {
        Span line = new Span();
        line.addClassName("patient-contact");
        if (c.phone() == null && c.email() == null && c.emergencyContactName() == null) {
            line.add(label("Contact: "), new Span("no phone or e-mail recorded"));
            return line;
        }
        if (c.phone() != null) {
            line.add(label("Phone: "), link(PatientContact.telHref(c.phone()), c.phone(), "patient-phone"));
        }
        if (c.email() != null) {
            line.add(label("E-mail: "), link("mailto:" + c.email(), c.email(), "patient-email"));
        }
        if (c.emergencyContactName() != null) {
            line.add(label("Emergency contact: "), new Span(c.emergencyContactName() + " "),
                    link(PatientContact.telHref(c.emergencyContactPhone()), c.emergencyContactPhone(),
                            "emergency-contact-phone"));
        }
        return line;
    }

    private static Span label(String text) {
        Span l = new Span(text);
        l.addClassName("fact-label");
        return l;
    }

    private static Anchor link(String href, String text, String className) {
        Anchor a = new Anchor(href, text);
        a.addClassName(className);
        a.addClassName("contact-link");
        return a;
    }
}
