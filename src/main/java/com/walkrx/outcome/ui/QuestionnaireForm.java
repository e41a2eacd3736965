package com.walkrx.outcome.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.FieldProblem;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.security.Caller;
import com.walkrx.outcome.DueQuestionnaire;
import com.walkrx.outcome.Instrument;
import com.walkrx.outcome.OutcomeService;
import com.walkrx.outcome.ResponseReply;
import com.walkrx.outcome.ResponseRequest;
import com.walkrx.outcome.ResponseRequest.Activity;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A questionnaire one question per screen, phone first. The server scores and validates: a problem it reports is
 * shown on the screen of the field it names, and nothing is stored until every answer is valid.
 */
class QuestionnaireForm extends Div {

    private final DueQuestionnaire questionnaire;
    private final OutcomeService outcomes;
    private final Supplier<Caller> caller;
    private final List<QuestionStep> steps = new ArrayList<>();
    private final Div stepSlot = new Div();
    private final Paragraph error = new Paragraph();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button addActivity = new Button("Add another activity");
    private final Button submit = new Button("Send answers");
    private int current;

    QuestionnaireForm(DueQuestionnaire questionnaire, OutcomeService outcomes, Supplier<Caller> caller) {
        this.questionnaire = questionnaire;
        this.outcomes = outcomes;
        this.caller = caller;
        Instrument instrument = questionnaire.instrument();
        addClassName("questionnaire-form");
        setId("questionnaire-form");
        H3 title = new H3(instrument.shortLabel());
        add(title);
        if (instrument == Instrument.PSFS) {
            add(new Paragraph(baseline() ? Instrument.PSFS_BASELINE_INSTRUCTION : Instrument.PSFS_FOLLOW_UP_INSTRUCTION));
        }
        buildSteps(instrument);
        error.addClassName("questionnaire-error");
        error.getElement().setAttribute("role", "alert");
        error.setId("q-error");
        back.setId("q-back");
        next.setId("q-next");
        submit.setId("q-submit");
        addActivity.setId("q-add-activity");
        for (Button b : List.of(back, next, submit, addActivity)) {
            b.addClassName("q-button");
        }
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        back.addClickListener(e -> go(current - 1));
        next.addClickListener(e -> {
            if (answered(steps.get(current))) {
                go(current + 1);
            }
        });
        addActivity.addClickListener(e -> {
            if (answered(steps.get(current))) {
                steps.add(psfsStep(steps.size(), null));
                go(steps.size() - 1);
            }
        });
        submit.addClickListener(e -> send());
        Div nav = new Div(back, addActivity, next, submit);
        nav.addClassName("questionnaire-nav");
        Paragraph cite = new Paragraph("Source: " + instrument.citation());
        cite.addClassName("questionnaire-cite");
        add(stepSlot, error, nav, cite);
        go(0);
    }

    private boolean baseline() {
        return questionnaire.activities().isEmpty();
    }

    private void buildSteps(Instrument instrument) {
        switch (instrument) {
            case PEG, GROC -> instrument.items().forEach(item -> steps.add(new QuestionStep("answers." + item.key(),
                    item.text(), item.lowAnchor(), item.highAnchor(), instrument.min(), instrument.max(),
                    instrument == Instrument.GROC, null, null)));
            case PSFS -> {
                if (baseline()) {
                    for (int i = 0; i < Instrument.PSFS_MIN_ACTIVITIES; i++) {
                        steps.add(psfsStep(i, null));
                    }
                } else {
                    for (int i = 0; i < questionnaire.activities().size(); i++) {
                        steps.add(psfsStep(i, questionnaire.activities().get(i)));
                    }
                }
            }
        }
    }

    private QuestionStep psfsStep(int i, String knownActivity) {
        Instrument.Item item = Instrument.PSFS.items().getFirst();
        return knownActivity == null
                ? new QuestionStep("activities[" + i + "].rating", "How able are you to do this activity today?",
                        item.lowAnchor(), item.highAnchor(), 0, 10, false, "activities[" + i + "].name", null)
                : new QuestionStep("ratings[" + i + "]", "How able are you to do this activity today?",
                        item.lowAnchor(), item.highAnchor(), 0, 10, false, null, knownActivity);
    }

    private void go(int index) {
        current = Math.max(0, Math.min(index, steps.size() - 1));
        stepSlot.removeAll();
        QuestionStep step = steps.get(current);
        step.number(current, steps.size());
        stepSlot.add(step);
        boolean last = current == steps.size() - 1;
        back.setVisible(current > 0);
        next.setVisible(!last);
        submit.setVisible(last);
        addActivity.setVisible(last && questionnaire.instrument() == Instrument.PSFS && baseline()
                && steps.size() < Instrument.PSFS_MAX_ACTIVITIES);
        error.setText("");
    }

    /** The screen's own check before moving on; the server checks everything again on sending. */
    private boolean answered(QuestionStep step) {
        step.clearProblems();
        boolean ok = true;
        if (step.name != null && step.name.getValue().isBlank()) {
            step.show(step.nameField, "Please name the activity");
            ok = false;
        }
        if (step.answer.getValue() == null) {
            step.show(step.field, "Please choose a number");
            ok = false;
        }
        return ok;
    }

    private ResponseRequest request() {
        List<Integer> values = steps.stream().map(s -> s.answer.getValue()).toList();
        return switch (questionnaire.instrument()) {
            case PEG -> ResponseRequest.peg(values.get(0), values.get(1), values.get(2));
            case GROC -> ResponseRequest.groc(values.getFirst());
            case PSFS -> baseline()
                    ? ResponseRequest.psfsBaseline(steps.stream()
                            .map(s -> new Activity(s.activityName(), s.answer.getValue())).toList())
                    : ResponseRequest.psfsFollowUp(values);
        };
    }

    private void send() {
        steps.forEach(QuestionStep::clearProblems);
        try {
            ResponseReply reply = outcomes.respond(caller.get(), questionnaire.id(), request());
            fireEvent(new DoneEvent(this, reply, null));
        } catch (InvalidInputException e) {
            int first = -1;
            List<String> unplaced = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                boolean placed = false;
                for (int i = 0; i < steps.size(); i++) {
                    if (steps.get(i).show(p.field(), friendly(p.message()))) {
                        first = first < 0 ? i : Math.min(first, i);
                        placed = true;
                    }
                }
                if (!placed) {
                    unplaced.add(friendly(p.message()));
                }
            }
            if (first >= 0) {
                go(first);
            }
            error.setText(unplaced.isEmpty() ? "Please check the answer marked in red. Nothing was saved yet."
                    : String.join(" ", unplaced) + " Nothing was saved yet.");
        } catch (ConflictException e) {
            fireEvent(new DoneEvent(this, null, e.getMessage()));
        }
    }

    private static String friendly(String message) {
        if (message.equals("is required")) {
            return "Please answer this question";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    Registration addDoneListener(ComponentEventListener<DoneEvent> listener) {
        return addListener(DoneEvent.class, listener);
    }

    /** The questionnaire was answered (reply) or could no longer be (conflict message). */
    static class DoneEvent extends ComponentEvent<QuestionnaireForm> {

        final ResponseReply reply;
        final String conflict;

        DoneEvent(QuestionnaireForm source, ResponseReply reply, String conflict) {
            super(source, false);
            this.reply = reply;
            this.conflict = conflict;
        }
    }

    /** For tests. */
    List<QuestionStep> steps() {
        return steps;
    }

    Button next() {
        return next;
    }

    Button submit() {
        return submit;
    }

    Paragraph error() {
        return error;
    }
}
