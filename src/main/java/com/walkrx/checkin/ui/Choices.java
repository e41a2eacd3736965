package com.walkrx.checkin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.walkrx.checkin.PainScore;
import com.walkrx.base.clinical.SymptomLevel;
import java.util.stream.IntStream;

/** The big tappable answer groups of the check-in form; each is a labelled radio group, keyboard-operable. */
final class Choices {

    private Choices() {
    }

    /** A 0-10 pain scale with the meaning of both ends under it (also read out as the field's description). */
    static RadioButtonGroup<Integer> painScale(String id, String label) {
        RadioButtonGroup<Integer> scale = new RadioButtonGroup<>(label);
        scale.setId(id);
        scale.addClassNames("choice-tiles", "pain-scale");
        scale.setItems(IntStream.rangeClosed(PainScore.MIN, PainScore.MAX).boxed().toList());
        scale.setItemLabelGenerator(String::valueOf);
        Span low = new Span(PainScore.MIN + " no pain");
        Span high = new Span(PainScore.MAX + " worst imaginable");
        Div ends = new Div(low, high);
        ends.addClassName("scale-ends");
        scale.setHelperComponent(ends);
        return scale;
    }

    /** A yes/no question; "No" comes first. */
    static RadioButtonGroup<Boolean> yesNo(String id, String question) {
        RadioButtonGroup<Boolean> answer = new RadioButtonGroup<>(question);
        answer.setId(id);
        answer.addClassNames("choice-tiles", "yes-no");
        answer.setItems(false, true);
        answer.setItemLabelGenerator(yes -> yes ? "Yes" : "No");
        return answer;
    }

    /** None / same as before / new / getting worse. */
    static RadioButtonGroup<SymptomLevel> level(String id, String question) {
        RadioButtonGroup<SymptomLevel> answer = new RadioButtonGroup<>(question);
        answer.setId(id);
        answer.addClassNames("choice-tiles", "symptom-level");
        answer.setItems(SymptomLevel.values());
        answer.setItemLabelGenerator(SymptomLevel::label);
        return answer;
    }
}
