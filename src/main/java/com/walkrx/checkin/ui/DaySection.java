package com.walkrx.checkin.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;
import com.walkrx.checkin.CheckInRequest.SymptomsRequest;
import com.walkrx.checkin.CheckInRules;
import com.walkrx.checkin.StepCount;

/** "How are you today": today's pain, steps, the warning-sign questions and a note; its own Save and result. */
class DaySection extends CheckInPart {

    final RadioButtonGroup<Integer> overallPain = Choices.painScale("day-pain", getTranslation("checkin.day.pain"));
    final IntegerField steps = new IntegerField(getTranslation("checkin.day.steps"));
    final TextArea notes = new TextArea(getTranslation("checkin.day.notes"));
    private final WarningSigns signs;

    DaySection() {
        super(I18NProvider.translate("checkin.day.heading"), "how-today-heading",
                I18NProvider.translate("checkin.day.save"), "save-day", "day-result");
        steps.setId("day-steps");
        steps.setMin(StepCount.MIN);
        steps.setMax(StepCount.MAX);
        steps.setManualValidation(true);
        H3 warning = new H3(getTranslation("checkin.day.warningSigns"));
        warning.addClassName("checkin-subheading");
        Paragraph warningHint = new Paragraph(getTranslation("checkin.day.warningHint"));
        warningHint.addClassName("checkin-hint");
        notes.setId("day-notes");
        notes.setMaxLength(CheckInRules.MAX_NOTES);
        notes.setValueChangeMode(ValueChangeMode.EAGER);
        notes.setManualValidation(true);
        notes.setHelperText("0 / " + CheckInRules.MAX_NOTES);
        notes.addValueChangeListener(e -> notes.setHelperText(e.getValue().length() + " / " + CheckInRules.MAX_NOTES));

        fields.put("overallPain", overallPain);
        fields.put("steps", steps);
        signs = new WarningSigns(fields);
        fields.put("notes", notes);

        layOut(overallPain, steps, warning, warningHint, signs, notes);
    }

    /** The warning-sign answers as the patient gave them (unchecked: the service's rules judge them). */
    SymptomsRequest symptoms() {
        return signs.symptoms();
    }

    /** Empties every answer for the next check-in. */
    void clear() {
        fields.values().forEach(f -> {
            if (f instanceof HasValue<?, ?> v) {
                v.clear();
            }
        });
    }
}
