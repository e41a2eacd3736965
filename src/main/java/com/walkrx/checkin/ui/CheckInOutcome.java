package com.walkrx.checkin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.I18NProvider;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.clinical.Tier;
import com.walkrx.base.ui.Dates;
import com.walkrx.checkin.CheckInEvaluator.RaisedFlag;
import com.walkrx.checkin.CheckInRecord;
import com.walkrx.checkin.CheckInReply;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the patient sees after pressing Save: the advice first and prominently, then what was stored; or each
 * problem on its field, and the ones no field takes in a summary.
 */
final class CheckInOutcome {

    private CheckInOutcome() {
    }

    static void showSaved(Div result, CheckInRecord stored, CheckInReply reply, ZoneId zone) {
        Div box = new Div();
        box.addClassName("checkin-saved");
        box.getElement().setAttribute("role", "status");
        if (!reply.flags().isEmpty() || reply.planPaused()) {
            Div advice = new Div();
            advice.addClassName("checkin-advice");
            advice.getElement().setAttribute("role", "alert");
            Tier tier = reply.flags().stream().map(RaisedFlag::tier).min(Comparator.comparingInt(Tier::rank))
                    .orElse(Tier.ADVISORY);
            advice.addClassName("advice-" + tier.name());
            advice.add(new H3(t("checkin.advice.heading")));
            reply.flags().stream().map(RaisedFlag::patientMessage).distinct().forEach(message -> {
                Paragraph p = new Paragraph();
                p.setText(Dates.inText(message));
                p.addClassName("advice-message");
                advice.add(p);
            });
            if (reply.planPaused()) {
                Paragraph paused = new Paragraph(t("checkin.advice.paused"));
                paused.addClassName("advice-paused");
                advice.add(paused);
            }
            box.add(advice);
        }
        H3 saved = new H3(t("checkin.saved"));
        saved.addClassName("saved-heading");
        box.add(saved, new CheckInCard(stored, zone));
        result.add(box);
        box.scrollIntoView();
    }

    static void showProblems(List<FieldProblem> problems, Map<String, HasValidation> fields, Div result) {
        List<String> unplaced = new ArrayList<>();
        for (FieldProblem p : problems) {
            HasValidation field = fields.get(p.field());
            if (field != null && !field.isInvalid()) {
                field.setErrorMessage(friendly(p.message()));
                field.setInvalid(true);
            } else if (field == null) {
                unplaced.add(p.field().equals("body") ? t("checkin.problem.empty") : friendly(p.message()));
            }
        }
        Paragraph summary = new Paragraph(unplaced.isEmpty() ? t("checkin.problem.marked") : String.join(" ", unplaced));
        summary.addClassName("checkin-error");
        summary.getElement().setAttribute("role", "alert");
        result.add(summary);
    }

    /** The service's "is required" as a question's answer is asked for; other messages capitalised. */
    static String friendly(String message) {
        if (message.equals("is required")) {
            return t("checkin.problem.required");
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String t(String key) {
        return I18NProvider.translate(key);
    }
}
