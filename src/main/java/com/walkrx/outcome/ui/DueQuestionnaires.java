package com.walkrx.outcome.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.outcome.DueQuestionnaire;
import com.walkrx.outcome.Instrument;
import com.walkrx.outcome.OutcomeService;
import com.walkrx.outcome.QuestionnaireStatus;
import com.walkrx.base.ui.Dates;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The patient's open questionnaires, for the top of the "today" page: a card for each with a button that opens it
 * one question per screen. Shows nothing when none is due. Inject it (prototype scope) into a patient page.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@StyleSheet("context://styles/outcome.css")
public class DueQuestionnaires extends Div {


    private final OutcomeService outcomes;
    private final CurrentUser currentUser;
    private final Div cards = new Div();
    private final Paragraph saved = new Paragraph();

    public DueQuestionnaires(OutcomeService outcomes, CurrentUser currentUser) {
        this.outcomes = outcomes;
        this.currentUser = currentUser;
        addClassName("questionnaires");
        setId("questionnaires");
        setWidthFull();
        saved.addClassName("questionnaire-done");
        saved.setId("questionnaire-saved");
        saved.getElement().setAttribute("role", "status");
        saved.setVisible(false);
        cards.addClassName("questionnaires");
        add(saved, cards);
        refresh();
    }

    /** Reloads the open questionnaires. */
    public void refresh() {
        cards.removeAll();
        List<DueQuestionnaire> due = outcomes.due(currentUser.require());
        due.forEach(q -> cards.add(card(q)));
        setVisible(!due.isEmpty() || saved.isVisible());
    }

    private Div card(DueQuestionnaire q) {
        Div card = new Div();
        card.addClassName("questionnaire-card");
        card.setId("questionnaire-" + q.instrument());
        if (q.status() == QuestionnaireStatus.OVERDUE) {
            card.addClassName("overdue");
        }
        H3 title = new H3("A few questions for your care team: " + q.instrument().shortLabel().toLowerCase(Locale.UK));
        String when = q.status() == QuestionnaireStatus.OVERDUE
                ? "It was due on " + Dates.weekdayAndDate(q.dueDate()) + ". Please answer it when you can."
                : q.occasion().label() + ": due " + (q.dueDate().equals(outcomes.today(currentUser.require().clinicId()))
                        ? "today" : "since " + Dates.weekdayAndDate(q.dueDate())) + ".";
        Paragraph info = new Paragraph(when + " " + length(q));
        Button start = new Button("Answer now");
        start.setId("start-" + q.instrument());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClassName("q-button");
        start.addClickListener(e -> open(card, q));
        card.add(title, info, start);
        return card;
    }

    private static String length(DueQuestionnaire q) {
        return switch (q.instrument()) {
            case PEG -> "3 questions, about a minute.";
            case GROC -> "1 question.";
            case PSFS -> q.activities().isEmpty() ? "Name 3 to 5 activities and rate each, about 2 minutes."
                    : "Rate your " + q.activities().size() + " activities, about a minute.";
        };
    }

    private void open(Div card, DueQuestionnaire q) {
        QuestionnaireForm form = new QuestionnaireForm(q, outcomes, currentUser::require);
        form.addDoneListener(e -> {
            saved.setText(e.reply != null
                    ? "Saved. Thank you! " + summary(e.reply.instrument(), e.reply.score().toPlainString())
                    : e.conflict);
            saved.setVisible(true);
            refresh();
            saved.scrollIntoView();
        });
        card.removeAll();
        card.add(form);
    }

    private static String summary(Instrument instrument, String score) {
        return switch (instrument) {
            case PEG -> "Your PEG score today is " + score + " out of 10 (lower is better).";
            case PSFS -> "Your activity score today is " + score + " out of 10 (higher is better).";
            case GROC -> "Your care team will see how you rated the change.";
        };
    }
}
