package com.walkrx.checkin.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.i18n.I18NProvider;
import com.walkrx.base.clinical.Surface;
import com.walkrx.checkin.CheckInRequest.WalkRequest;
import com.walkrx.checkin.WalkMinutes;

/** "Log a walk": minutes, surface, pain before and after, sharp pain; its own Save button and result. */
class WalkSection extends CheckInPart {

    private final IntegerField minutes = new IntegerField(getTranslation("checkin.walk.minutes"));
    private final RadioButtonGroup<Surface> surface = new RadioButtonGroup<>(getTranslation("checkin.walk.surface"));
    private final RadioButtonGroup<Integer> painBefore = Choices.painScale("walk-pain-before",
            getTranslation("checkin.walk.painBefore"));
    private final RadioButtonGroup<Integer> painAfter = Choices.painScale("walk-pain-after",
            getTranslation("checkin.walk.painAfter"));
    private final RadioButtonGroup<Boolean> sharpPain = Choices.yesNo("walk-sharp-pain",
            getTranslation("checkin.walk.sharpPain"));
    /** Today's prescription, filled in for the next walk (null: nothing to suggest). */
    private Integer suggestedMinutes;
    private Surface suggestedSurface;

    WalkSection() {
        super(I18NProvider.translate("checkin.walk.heading"), "log-walk-heading",
                I18NProvider.translate("checkin.walk.save"), "save-walk", "walk-result");
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

        fields.put("walks[0].minutes", minutes);
        fields.put("walks[0].surface", surface);
        fields.put("walks[0].painBefore", painBefore);
        fields.put("walks[0].painAfter", painAfter);
        fields.put("walks[0].sharpPain", sharpPain);

        layOut(minutes, surface, painBefore, painAfter, sharpPain);
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
