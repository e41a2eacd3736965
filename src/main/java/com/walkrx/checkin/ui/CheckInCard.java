package com.walkrx.checkin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.walkrx.checkin.CheckInRecord;
import com.walkrx.base.clinical.SymptomLevel;
import com.walkrx.checkin.Symptoms;
import com.walkrx.checkin.WalkEntry;
import java.time.ZoneId;
import com.walkrx.base.ui.Dates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One stored check-in, as its patient or clinician reads it. Every value, notes included, is set as text. */
class CheckInCard extends Div {

    CheckInCard(CheckInRecord checkIn, ZoneId zone) {
        addClassName("checkin-card");
        getElement().setAttribute("role", "article");
        String day = Dates.weekdayAndDate(checkIn.date());
        getElement().setAttribute("aria-label", "Check-in for " + day);

        H3 title = new H3(day);
        title.addClassName("checkin-card-title");
        Span saved = new Span("saved at " + Dates.time(checkIn.recordedAt(), zone));
        saved.addClassName("checkin-card-time");
        Div header = new Div(title, saved);
        header.addClassName("checkin-card-header");
        add(header);

        UnorderedList facts = new UnorderedList();
        facts.addClassName("checkin-facts");
        for (WalkEntry w : checkIn.walks()) {
            ListItem item = new ListItem(walkText(w));
            item.addClassName("checkin-walk");
            if (w.sharpPain()) {
                Span sharp = new Span("sharp pain");
                sharp.addClassName("warning-badge");
                item.add(sharp);
            }
            facts.add(item);
        }
        if (checkIn.overallPain() != null) {
            facts.add(new ListItem("Back pain: " + checkIn.overallPain().value() + " out of 10"));
        }
        if (checkIn.steps() != null) {
            facts.add(new ListItem("Steps: " + String.format(Locale.UK, "%,d", checkIn.steps().value())));
        }
        if (checkIn.symptoms() != null) {
            List<String> reported = reported(checkIn.symptoms());
            if (reported.isEmpty()) {
                facts.add(new ListItem("Warning symptoms: none"));
            } else {
                ListItem item = new ListItem("Reported: " + String.join("; ", reported));
                item.addClassName("symptom-warning");
                facts.add(item);
            }
        }
        add(facts);

        if (checkIn.notes() != null) {
            Paragraph notes = new Paragraph();
            notes.setText(checkIn.notes());
            notes.addClassName("checkin-notes");
            add(notes);
        }
    }

    static String walkText(WalkEntry w) {
        return "Walk: " + w.minutes().value() + " min, " + w.surface().label().toLowerCase(Locale.UK)
                + ", pain " + w.painBefore().value() + " before, " + w.painAfter().value() + " after"
                + (w.steps() != null ? ", " + String.format(Locale.UK, "%,d", w.steps().value()) + " steps" : "");
    }

    /** The symptom answers that are not "none" or "no", in plain words. */
    static List<String> reported(Symptoms s) {
        List<String> out = new ArrayList<>();
        if (s.numbnessTingling() != SymptomLevel.NONE) {
            out.add("numbness or tingling (" + s.numbnessTingling().label().toLowerCase(Locale.UK) + ")");
        }
        if (s.legWeakness() != SymptomLevel.NONE) {
            out.add("leg weakness (" + s.legWeakness().label().toLowerCase(Locale.UK) + ")");
        }
        if (s.bothLegs()) {
            out.add("symptoms in both legs");
        }
        if (s.saddleNumbness()) {
            out.add("numbness in the saddle area");
        }
        if (s.bladderBowelProblems()) {
            out.add("new bladder or bowel problems");
        }
        if (s.fever()) {
            out.add("fever");
        }
        if (s.unexplainedWeightLoss()) {
            out.add("weight loss without trying");
        }
        if (s.newInjuryOrFall()) {
            out.add("a new injury or fall");
        }
        return out;
    }
}
