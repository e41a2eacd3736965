package com.walkrx.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The body every error view shows: a heading, what happened in plain words, and one link back into the app.
 * Each subclass implements {@code HasErrorParameter} for the failure it covers and answers the HTTP status.
 */
public abstract class ErrorPage extends VerticalLayout {

    protected ErrorPage(String className, String heading, String explanation, String linkText) {
        addClassName(className);
        add(new H2(heading), new Paragraph(explanation), new Anchor("", linkText));
    }
}
