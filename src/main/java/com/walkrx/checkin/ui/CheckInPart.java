package com.walkrx.checkin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One part of the check-in page ("Log a walk", "How are you today"): a heading that labels the section, the
 * part's inputs, its own Save button and the place its result or problems show.
 */
abstract class CheckInPart extends Section {

    final Button save;
    final Div result = new Div();
    /** The API's field names of this part's inputs, for showing a problem where it belongs. */
    final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final H2 heading;

    CheckInPart(String headingText, String headingId, String saveText, String saveId, String resultId) {
        heading = new H2(headingText);
        heading.setId(headingId);
        save = new Button(saveText);
        save.setId(saveId);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        save.addClassName("save-button");
        result.setId(resultId);
        result.addClassName("checkin-result");
        addClassName("checkin-part");
        getElement().setAttribute("aria-labelledby", headingId);
    }

    /** Lays the part out: the heading, the inputs, then Save and the result. */
    void layOut(Component... inputs) {
        add(heading);
        add(inputs);
        add(save, result);
    }
}
