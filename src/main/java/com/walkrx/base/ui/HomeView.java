package com.walkrx.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.Role;
import jakarta.annotation.security.PermitAll;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The start page: forwards each role to its own landing page. */
@Route(value = "", autoLayout = false)
@PermitAll
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class HomeView extends Div implements BeforeEnterObserver {

    /** Where patients land. */
    public static final String PATIENT_HOME = "today";
    /** Where clinicians and admins land. */
    public static final String STAFF_HOME = "caseload";

    private final CurrentUser currentUser;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String target = currentUser.require().role() == Role.PATIENT ? PATIENT_HOME : STAFF_HOME;
        event.forwardTo(target);
        // Show the landing page's own address, so a reload or a bookmark keeps it.
        event.getUI().getPage().getHistory().replaceState(null, target);
    }
}
