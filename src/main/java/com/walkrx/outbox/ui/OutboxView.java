package com.walkrx.outbox.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.base.ui.Dates;
import com.walkrx.base.time.ClinicZones;
import com.walkrx.outbox.OutboxMail;
import com.walkrx.outbox.OutboxService;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;

/**
 * The clinic admin's Outbox: every e-mail WalkRx wrote (escalations of flags nobody acknowledged), newest first,
 * whether it went out, and its text on a click. Without a mail server (the dev run) nothing is sent and this page
 * is where the e-mails are read; with one it shows what was sent and what keeps failing.
 */
@Route("admin/outbox")
@PageTitle("Outbox | WalkRx")
@Menu(order = 94, title = "Outbox", icon = "vaadin:envelopes-o")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class OutboxView extends VerticalLayout {

    OutboxView(OutboxService outbox, CurrentUser currentUser, ClinicZones zones) {
        addClassNames("outbox-view", "admin-page");
        setSizeFull();
        Caller caller = currentUser.require();
        ZoneId zone = zones.zone(caller.clinicId());

        Paragraph mode = new Paragraph(outbox.sending()
                ? "E-mails are sent through the configured mail server. Each one is listed here with whether it went out."
                : "No mail server is configured, so WalkRx sends no e-mail: escalations are kept here for you to read. "
                        + "To send them, set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, "
                        + "SPRING_MAIL_PASSWORD) and give staff an e-mail address on the Staff page.");
        mode.addClassNames("hint", outbox.sending() ? "outbox-sending" : "outbox-not-sending");

        Grid<OutboxMail> grid = new Grid<>(OutboxMail.class, false);
        grid.addColumn(m -> Dates.dateTime(m.createdAt(), zone)).setHeader("Written").setKey("created")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> String.join(", ", m.recipients())).setHeader("To").setKey("to").setFlexGrow(1);
        grid.addColumn(OutboxMail::subject).setHeader("Subject").setKey("subject").setFlexGrow(3);
        grid.addComponentColumn(m -> status(m, zone, outbox.sending())).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> {
            Pre body = new Pre(m.body());
            body.addClassName("outbox-body");
            return body;
        }));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(query -> outbox.list(caller, query.getOffset(), query.getLimit()).stream());
        grid.setEmptyStateText("No e-mails yet. An URGENT or HIGH flag nobody acknowledges in time writes one here.");

        Paragraph hint = new Paragraph("Newest first; click an e-mail to read it.");
        hint.addClassName("hint");
        add(new H2("Outbox"), mode, hint, grid);
        setFlexGrow(1, grid);
    }

    private static Span status(OutboxMail m, ZoneId zone, boolean sending) {
        Span s;
        if (m.sentAt() != null) {
            s = new Span("Sent " + Dates.dateTime(m.sentAt(), zone));
            s.addClassName("outbox-sent");
        } else if (m.lastError() != null) {
            s = new Span("Not sent after " + m.attempts() + (m.attempts() == 1 ? " try: " : " tries: ") + m.lastError());
            s.addClassName("outbox-failed");
        } else {
            s = new Span(sending ? "Waiting to be sent" : "Not sent: no mail server");
            s.addClassName("outbox-unsent");
        }
        return s;
    }
}
