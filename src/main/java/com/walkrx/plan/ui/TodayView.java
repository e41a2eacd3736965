package com.walkrx.plan.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.checkin.ui.CheckInForm;
import jakarta.annotation.security.RolesAllowed;

/** A patient's landing page: today's walking prescription. */
@Route("today")
@PageTitle("Today | WalkRx")
@Menu(order = 1, title = "Today", icon = "vaadin:sun-o")
@RolesAllowed("PATIENT")
public class TodayView extends VerticalLayout {

    TodayView(CurrentUser currentUser, CheckInForm checkInForm) {
        addClassName("today-view");
        var user = currentUser.principal().orElseThrow();
        add(new H2("Hello, " + user.displayName()));
        add(new Paragraph("Your therapist has not set up a walking plan for you yet. "
                + "Once they do, today's walks will appear here."));
        add(checkInForm);
    }
}
