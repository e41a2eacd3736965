package com.walkrx.checkin.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.checkin.CheckInService;
import jakarta.annotation.security.RolesAllowed;

/** The patient's own check-ins, newest first, a page at a time. */
@Route("history")
@PageTitle("My check-ins | WalkRx")
@Menu(order = 2, title = "My check-ins", icon = "vaadin:calendar")
@RolesAllowed("PATIENT")
@StyleSheet("context://styles/checkin.css")
public class HistoryView extends Div {

    static final int PAGE_SIZE = 10;

    HistoryView(CheckInService checkIns, CurrentUser currentUser) {
        addClassNames("history-view", "checkin-page");
        Caller caller = currentUser.require();
        CheckInPager pager = new CheckInPager(page -> checkIns.mine(caller, page, PAGE_SIZE), checkIns.zone(),
                "You have no check-ins yet. Log a walk on the Today page.");
        add(new H2("My check-ins"), pager);
        pager.refresh();
    }
}
