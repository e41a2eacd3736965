package com.walkrx.checkin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.walkrx.base.clinical.Surface;
import com.walkrx.checkin.CheckInRequest.WalkRequest;
import com.walkrx.checkin.WalkMinutes;
import java.util.LinkedHashMap;
import java.util.Map;

/** "Log a walk": minutes, surface, pain before and after, sharp pain; its own Save button and result. */
class WalkSection extends Section {

    private final IntegerField minutes = new IntegerField(getTranslation("checkin.walk.minutes"));
    private final RadioButtonGroup<Surface> surface = new RadioButtonGroup<>(getTranslation("checkin.walk.surface"));
    private final RadioButtonGroup<Integer> painBefore = Choices.painScale("walk-pain-before",
            getTranslation("checkin.walk.painBefore"));
    private final RadioButtonGroup<Integer> painAfter = Choices.painScale("walk-pain-after",
            getTranslation("checkin.walk.painAfter"));
    private final RadioButtonGroup<Boolean> sharpPain = Choices.yesNo("walk-sharp-pain",
            getTranslation("checkin.walk.sharpPain"));
    final Button save = new Button(getTranslation("checkin.walk.save"));
    final Div result = new Div();
    /** The API's field names of this section's inputs, for showing a problem where it belongs. */
    final Map<String, HasValidation> fields = new LinkedHashMap<>();
    /** Today's prescription, filled in for the next walk (null: nothing to suggest). */
    private Integer suggestedMinutes;
    private Surface suggestedSurface;

    WalkSection() {
        H2 heading = new H2(getTranslation("checkin.walk.heading"));
        heading.setId("log-walk-heading");
        minutes.setId("walk-minutes");
        minutes.setMin(WalkMinutes.MIN);
        minutes.setMax(WalkMinutes.MAX);
        minutes.setStepButtonsVisible(true);
        minutes.setSuffixComponent(new Span(getTranslation("checkin.walk.minutesSuffix")));
        minutes.setManualValidation(true);
        minutes.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        surface.setId("walk-surface");
        surface.addClassNames("choice-tiles", "surface-choice");
        surface.setItems(Surface.values());
        surface.setItemLabelGenerator(Surface::label);
        save.setId("save-walk");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClassName("save-button");
        result.setId("walk-result");
        result.addClassName("checkin-result");

        fields.put("walks[0].minutes", minutes);
        fields.put("walks[0].surface", surface);
        fields.put("walks[0].painBefore", painBefore);
        fields.put("walks[0].painAfter", painAfter);
        fields.put("walks[0].sharpPain", sharpPain);

        add(heading, minutes, surface, painBefore, painAfter, sharpPain, save, result);
        addClassName("checkin-part");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
    }

    /** The walk as the patient entered it (unchecked: the service's rules judge it). */
    WalkRequest walk() {
        return new WalkRequest(minutes.getValue(), surface.getValue() == null ? null : surface.getValue().name(),
                painBefore.getValue(), painAfter.getValue(), sharpPain.getValue(), null);
    }

    /**
     * Fills in today's prescribed minutes and surface where the patient has not entered their own, and again
     * after each saved walk; pain and sharp pain are never filled in.
     */
    void suggest(Integer minutes, Surface surface) {
        suggestedMinutes = minutes;
        suggestedSurface = surface;
        applySuggestion();
    }

    private void applySuggestion() {
        if (minutes.isEmpty() && suggestedMinutes != null) {
            minutes.setValue(suggestedMinutes);
        }
        if (surface.isEmpty() && suggestedSurface != null) {
            surface.setValue(suggestedSurface);
        }
        minutes.setHelperText(suggestedMinutes == null ? null : getTranslation("checkin.walk.suggested"));
    }

    /** Empties the inputs for the next walk, then fills in the prescription again. */
    void clear() {
        minutes.clear();
        surface.clear();
        painBefore.clear();
        painAfter.clear();
        sharpPain.clear();
        applySuggestion();
    }
}
