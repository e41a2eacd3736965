package com.walkrx.checkin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.walkrx.checkin.CheckInRequest.SymptomsRequest;
import com.walkrx.checkin.CheckInRules;
import com.walkrx.checkin.StepCount;
import java.util.LinkedHashMap;
import java.util.Map;

/** "How are you today": today's pain, steps, the warning-sign questions and a note; its own Save and result. */
class DaySection extends Section {

    final RadioButtonGroup<Integer> overallPain = Choices.painScale("day-pain", getTranslation("checkin.day.pain"));
    final IntegerField steps = new IntegerField(getTranslation("checkin.day.steps"));
    final TextArea notes = new TextArea(getTranslation("checkin.day.notes"));
    final Button save = new Button(getTranslation("checkin.day.save"));
    final Div result = new Div();
    /** The API's field names of this section's inputs, for showing a problem where it belongs. */
    final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final WarningSigns signs;

    DaySection() {
        H2 heading = new H2(getTranslation("checkin.day.heading"));
        heading.setId("how-today-heading");
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
        save.setId("save-day");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClassName("save-button");
        result.setId("day-result");
        result.addClassName("checkin-result");

        fields.put("overallPain", overallPain);
        fields.put("steps", steps);
        signs = new WarningSigns(fields);
        fields.put("notes", notes);

        add(heading, overallPain, steps, warning, warningHint, signs, notes, save, result);
        addClassName("checkin-part");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
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
