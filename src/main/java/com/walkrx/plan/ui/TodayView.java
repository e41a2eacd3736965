package com.walkrx.plan.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.security.WalkRxPrincipal;
import com.walkrx.checkin.ui.CheckInForm;
import com.walkrx.outcome.ui.DueQuestionnaires;
import com.walkrx.plan.TodayPlanService;
import com.walkrx.base.clinical.PlanStatus;
import com.walkrx.plan.TodayPlan;
import com.walkrx.base.ui.Dates;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;

/**
 * A patient's landing page, phone first: today's walks in plain words, what is logged so far, the step
 * target and the guidance; the safety advice instead while a flag pauses the plan; a friendly word without
 * a plan. The check-in form goes at the bottom.
 */
@Route("today")
@PageTitle("Today | WalkRx")
@Menu(order = 1, title = "Today", icon = "vaadin:sun-o")
@RolesAllowed("PATIENT")
@StyleSheet("styles/plan.css")
public class TodayView extends VerticalLayout {


    private final TodayPlanService plans;
    private final CurrentUser currentUser;
    private final Div content = new Div();
    /** Holds the check-in form at the bottom of the page. */
    private final Div checkInSlot = new Div();

    private final CheckInForm checkInForm;
    private final com.walkrx.clinic.ClinicSettingsService settings;
    /** Whether the guidance is shown open on this visit: only the first time the patient sees it (null: not yet shown). */
    private Boolean guidanceOpen;

    TodayView(TodayPlanService plans, CurrentUser currentUser, CheckInForm checkInForm,
              DueQuestionnaires questionnaires, com.walkrx.clinic.ClinicSettingsService settings) {
        this.plans = plans;
        this.checkInForm = checkInForm;
        this.settings = settings;
        this.currentUser = currentUser;
        addClassNames("today-view", "patient-page");
        setPadding(true);
        WalkRxPrincipal user = currentUser.principal().orElseThrow();
        content.addClassName("today-content");
        content.setWidthFull();
        checkInSlot.addClassName("check-in-slot");
        checkInSlot.setId("check-in-slot");
        checkInSlot.setWidthFull();
        add(new H2("Hello, " + user.displayName()), questionnaires, content); // questionnaires above the prescription
        refresh();
        // After a check-in, today's totals and any new advice update at once.
        checkInForm.addSavedListener(e -> refresh());
        checkInSlot.add(checkInForm);
        add(checkInSlot);
    }

    /** The container at the bottom of the page for the check-in form. */
    public Div checkInSlot() {
        return checkInSlot;
    }

    /** Reloads today's prescription and totals (e.g. after a check-in). */
    public void refresh() {
        content.removeAll();
        TodayPlan today = plans.today(currentUser.require());
        Paragraph date = new Paragraph(Dates.weekdayAndDate(today.date()));
        date.addClassName("today-date");
        content.add(date);

        TodayPlan.Prescription p = today.prescription();
        if (p == null) {
            Div box = new Div();
            boolean paused = today.planStatus() == PlanStatus.PAUSED;
            box.addClassNames("today-card", paused ? "today-paused" : "today-none");
            box.getElement().setAttribute("role", paused ? "alert" : "status");
            box.add(new H3(paused ? "Your walking plan is paused" : "No walks planned today"));
            today.advice().forEach(a -> box.add(new Paragraph(Dates.inText(a))));
            if (paused) {
                box.add(SafetyCalls.of(settings.forCaller(currentUser.require())));
            }
            content.add(box);
            checkInForm.setWalkLoggingVisible(!paused); // no walk logging while the plan is paused
            checkInForm.suggestWalk(null, null);
            if (today.walksLoggedToday() > 0) {
                content.add(new Paragraph(logged(today)));
            }
            return;
        }

        checkInForm.setWalkLoggingVisible(true);
        // A walk as prescribed is logged without typing; the patient changes what was different.
        checkInForm.suggestWalk(p.minutesMin(), p.surfaces().isEmpty() ? null : p.surfaces().getFirst());
        if (!today.advice().isEmpty()) {
            Div advice = new Div();
            advice.addClassNames("today-card", "today-advice");
            advice.getElement().setAttribute("role", "alert");
            today.advice().forEach(a -> advice.add(new Paragraph(Dates.inText(a))));
            content.add(advice);
        }

        Div card = new Div();
        card.addClassNames("today-card", "today-prescription");
        Span label = new Span("Today's walks");
        label.addClassName("today-label");
        Paragraph words = new Paragraph(capitalised(p.summary()));
        words.addClassName("today-words");
        card.add(label, words);

        Paragraph progressText = new Paragraph(logged(today));
        progressText.addClassName("today-logged");
        ProgressBar progress = new ProgressBar(0, 1, p.walks() == 0 ? 1 : Math.min(1.0,
                (double) today.walksLoggedToday() / p.walks()));
        progress.getElement().setAttribute("aria-label", "Walks done today");
        card.add(progressText, progress);
        if (p.stepTarget() != null) {
            Paragraph steps = new Paragraph(String.format(Locale.UK, "Step target: %,d steps today", p.stepTarget()));
            steps.addClassName("today-steps");
            card.add(steps);
        }
        content.add(card);

        if (guidanceOpen == null) {
            guidanceOpen = plans.firstGuidanceView(currentUser.require(), p);
        }
        content.add(section("How to walk", "today-guidance", p.guidance(), guidanceOpen));
        content.add(section("When to stop and get help", "today-stop", p.whenToStop(), guidanceOpen));
    }

    private static String logged(TodayPlan today) {
        if (today.walksLoggedToday() == 0) {
            return "Nothing logged yet today.";
        }
        return "Logged so far today: " + (today.walksLoggedToday() == 1 ? "1 walk" : today.walksLoggedToday() + " walks")
                + ", " + today.minutesLoggedToday() + " minutes.";
    }

    /** The same text every day: open the first time the patient sees it, then one tap away. */
    private static Div section(String title, String className, List<String> items, boolean open) {
        Div box = new Div();
        box.addClassNames("today-section", className);
        UnorderedList list = new UnorderedList();
        items.forEach(i -> list.add(new ListItem(i)));
        Details details = new Details(title, list);
        details.addClassName("today-details");
        details.setOpened(open);
        box.add(details);
        return box;
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
