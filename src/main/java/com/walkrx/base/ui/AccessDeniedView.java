package com.walkrx.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.walkrx.base.security.AccessRefused;
import com.walkrx.base.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Shown when a logged-in user opens a page their role may not see; the decision is the server's, and
 * the refusal goes to the audit trail.
 */
@PageTitle("Access denied | WalkRx")
@AnonymousAllowed
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    public AccessDeniedView(CurrentUser currentUser, ApplicationEventPublisher events) {
        this.currentUser = currentUser;
        this.events = events;
        addClassName("access-denied-view");
        H2 title = new H2("Access denied");
        Paragraph text = new Paragraph("This page is not available to your account. "
                + "If you think you should see it, ask your clinic's administrator.");
        add(title, text, new Anchor("", "Go to your start page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        currentUser.principal().ifPresent(p -> events.publishEvent(
                new AccessRefused(p.caller(), "page " + event.getLocation().getPath())));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
