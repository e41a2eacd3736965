package com.walkrx.outcome.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.walkrx.outcome.Instrument;
import java.util.stream.IntStream;

/**
 * One screen of a questionnaire: one question with big tappable answers, and for a PSFS baseline the name of the
 * activity being rated. {@code field} and {@code nameField} are the API's names for the answer, so a problem the
 * server reports lands on the screen that asked.
 */
class QuestionStep extends Div {

    final String field;
    final String nameField;
    final RadioButtonGroup<Integer> answer = new RadioButtonGroup<>();
    final TextField name;
    private final Paragraph counter = new Paragraph();

    QuestionStep(String field, String question, String low, String high, int min, int max, boolean groc,
                 String nameField, String activityName) {
        this.field = field;
        this.nameField = nameField;
        addClassName("questionnaire-step-box");
        counter.addClassName("questionnaire-step");
        add(counter);
        if (nameField != null) {
            name = new TextField("Activity you find hard because of your back");
            name.setId("q-activity-name");
            name.setPlaceholder("e.g. walking to the shop");
            name.setMaxLength(Instrument.PSFS_MAX_NAME);
            name.setWidthFull();
            name.setManualValidation(true);
            add(name);
        } else {
            name = null;
            if (activityName != null) {
                Paragraph activity = new Paragraph(activityName);
                activity.addClassName("questionnaire-question");
                add(activity);
            }
        }
        Paragraph text = new Paragraph(question);
        text.addClassName("questionnaire-question");
        text.setId("q-question");
        add(text);
        answer.setId("q-answer");
        answer.addClassNames("q-tiles", groc ? "q-groc" : "q-scale");
        answer.setAriaLabel(question);
        if (groc) {
            // best first, as Jaeschke's scale is usually read: +7 very great deal better .. -7 worse
            answer.setItems(IntStream.iterate(max, i -> i >= min, i -> i - 1).boxed().toList());
            answer.setItemLabelGenerator(v -> (v > 0 ? "+" + v : String.valueOf(v)) + "  " + Instrument.grocLabel(v));
        } else {
            answer.setItems(IntStream.rangeClosed(min, max).boxed().toList());
            answer.setItemLabelGenerator(String::valueOf);
            Div ends = new Div(new Span(min + " = " + low), new Span(max + " = " + high));
            ends.addClassName("questionnaire-ends");
            answer.setHelperComponent(ends);
        }
        answer.setManualValidation(true);
        add(answer);
    }

    void number(int index, int of) {
        counter.setText("Question " + (index + 1) + " of " + of);
    }

    String activityName() {
        return name == null ? null : name.getValue();
    }

    /** Marks this screen's fields valid, or the one the problem is about invalid. */
    void clearProblems() {
        answer.setInvalid(false);
        if (name != null) {
            name.setInvalid(false);
        }
    }

    boolean show(String problemField, String message) {
        if (problemField.equals(field)) {
            answer.setErrorMessage(message);
            answer.setInvalid(true);
            return true;
        }
        if (name != null && problemField.equals(nameField)) {
            name.setErrorMessage(message);
            name.setInvalid(true);
            return true;
        }
        return false;
    }
}
