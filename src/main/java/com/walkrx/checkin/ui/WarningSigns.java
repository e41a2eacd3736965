package com.walkrx.checkin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.walkrx.base.clinical.SymptomLevel;
import com.walkrx.checkin.CheckInRequest.SymptomsRequest;
import java.util.List;
import java.util.Map;

/**
 * The warning-sign questions of red-flags.md, each answered on its own or all at once with an explicit
 * "None of these" (nothing is ever pre-answered). "In both legs?" is asked only when there is numbness or
 * weakness: without either it cannot be yes, and it is sent as no.
 */
class WarningSigns extends Div {

    private final RadioButtonGroup<SymptomLevel> numbness = Choices.level("symptom-numbness",
            getTranslation("checkin.symptom.numbness"));
    private final RadioButtonGroup<SymptomLevel> weakness = Choices.level("symptom-weakness",
            getTranslation("checkin.symptom.weakness"));
    private final RadioButtonGroup<Boolean> bothLegs = Choices.yesNo("symptom-both-legs",
            getTranslation("checkin.symptom.bothLegs"));
    private final RadioButtonGroup<Boolean> saddle = Choices.yesNo("symptom-saddle",
            getTranslation("checkin.symptom.saddle"));
    private final RadioButtonGroup<Boolean> bladder = Choices.yesNo("symptom-bladder",
            getTranslation("checkin.symptom.bladder"));
    private final RadioButtonGroup<Boolean> fever = Choices.yesNo("symptom-fever",
            getTranslation("checkin.symptom.fever"));
    private final RadioButtonGroup<Boolean> weightLoss = Choices.yesNo("symptom-weight-loss",
            getTranslation("checkin.symptom.weightLoss"));
    private final RadioButtonGroup<Boolean> injury = Choices.yesNo("symptom-injury",
            getTranslation("checkin.symptom.injury"));
    /** The yes/no questions asked every time. */
    private final List<RadioButtonGroup<Boolean>> always = List.of(saddle, bladder, fever, weightLoss, injury);
    private final Button none = new Button(getTranslation("checkin.symptom.none"));

    /** Adds its questions to {@code fields} under the API's field names. */
    WarningSigns(Map<String, HasValidation> fields) {
        addClassName("warning-signs");
        bothLegs.addClassName("follow-up");
        none.setId("symptom-none");
        none.addClassName("none-of-these");
        none.getElement().setAttribute("aria-pressed", "false");
        none.addClickListener(e -> answerNone());

        fields.put("symptoms.numbnessTingling", numbness);
        fields.put("symptoms.legWeakness", weakness);
        fields.put("symptoms.bothLegs", bothLegs);
        fields.put("symptoms.saddleNumbness", saddle);
        fields.put("symptoms.bladderBowelProblems", bladder);
        fields.put("symptoms.fever", fever);
        fields.put("symptoms.unexplainedWeightLoss", weightLoss);
        fields.put("symptoms.newInjuryOrFall", injury);

        numbness.addValueChangeListener(e -> changed());
        weakness.addValueChangeListener(e -> changed());
        bothLegs.addValueChangeListener(e -> changed());
        always.forEach(q -> q.addValueChangeListener(e -> changed()));
        add(numbness, weakness, bothLegs);
        always.forEach(this::add);
        add(none);
        changed();
    }

    /** The answers as the patient gave them (unchecked: the service's rules judge them). */
    SymptomsRequest symptoms() {
        return new SymptomsRequest(name(numbness.getValue()), name(weakness.getValue()),
                bothLegsAsked() ? bothLegs.getValue() : Boolean.FALSE, saddle.getValue(), bladder.getValue(),
                fever.getValue(), weightLoss.getValue(), injury.getValue());
    }

    /** "None of these": every question answered no, by the patient's own tap. */
    private void answerNone() {
        numbness.setValue(SymptomLevel.NONE);
        weakness.setValue(SymptomLevel.NONE);
        always.forEach(q -> q.setValue(false));
    }

    private boolean bothLegsAsked() {
        return present(numbness.getValue()) || present(weakness.getValue());
    }

    private void changed() {
        boolean asked = bothLegsAsked();
        if (!asked && !bothLegs.isEmpty()) {
            bothLegs.clear(); // an answer to a question no longer asked must not linger
        }
        bothLegs.setVisible(asked);
        boolean allNo = numbness.getValue() == SymptomLevel.NONE && weakness.getValue() == SymptomLevel.NONE
                && always.stream().allMatch(q -> Boolean.FALSE.equals(q.getValue()));
        none.getElement().setAttribute("aria-pressed", String.valueOf(allNo));
        none.setPrefixComponent(allNo ? VaadinIcon.CHECK.create() : null);
    }

    private static boolean present(SymptomLevel level) {
        return level != null && level != SymptomLevel.NONE;
    }

    private static String name(SymptomLevel level) {
        return level == null ? null : level.name();
    }
}
