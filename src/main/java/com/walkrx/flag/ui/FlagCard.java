package com.walkrx.flag.ui;

import com.walkrx.base.ui.Dates;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.walkrx.base.ui.Toasts;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.walkrx.base.api.ConflictException;
import com.walkrx.base.api.InvalidInputException;
import com.walkrx.base.api.NotFoundException;
import com.walkrx.base.security.Caller;
import com.walkrx.flag.FlagService;
import com.walkrx.flag.FlagView;
import com.walkrx.patient.ui.ContactLinks;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * One flag in full: tier, what fired and why (rule, basis, evidence), what the patient was told, who acknowledged
 * and resolved it, and the Acknowledge and Resolve actions for clinicians on the care team.
 */
@StyleSheet("styles/flags.css")
class FlagCard extends Div {

    private final Runnable onChange;

    FlagCard(FlagService flags, Caller caller, FlagView flag, boolean showPatient, Runnable onChange) {
        this.onChange = onChange;
        ZoneId zone = flags.zone();
        addClassNames("flag-card", "flag-" + flag.status().name().toLowerCase(), "flag-tier-" + flag.tier().name());
        getElement().setAttribute("data-flag-id", String.valueOf(flag.id()));

        Span title = new Span(flag.code().label());
        title.addClassName("flag-title");
        Span status = FlagFormat.statusLine(flag, zone);
        Span raised = new Span("raised " + FlagFormat.time(flag.raisedAt(), zone));
        raised.addClassName("flag-raised");
        HorizontalLayout head = new HorizontalLayout(FlagFormat.tierBadge(flag.tier()), title, status, raised);
        head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        head.addClassName("flag-head");
        add(head);

        if (showPatient) {
            Anchor patient = new Anchor("patients/" + flag.patientId() + "/flags", flag.patientName());
            patient.addClassName("flag-patient");
            add(new Div(new Text("Patient: "), patient));
        }
        if (flag.contact() != null && !flag.isResolved()) {
            add(ContactLinks.of(flag.contact())); // call the patient straight from the flag
        }
        add(line("Rule", flag.code().name() + ": " + flag.code().criterion(), "flag-rule"));
        add(line("Basis", flag.basis(), "flag-basis"));

        UnorderedList evidence = new UnorderedList();
        evidence.addClassName("flag-evidence");
        for (FlagView.Evidence e : flag.evidence()) {
            ListItem item = new ListItem(Dates.inText(e.detail()));
            if (e.checkInId() != null) {
                Span ref = new Span(" (check-in " + e.checkInId() + ")");
                ref.addClassName("flag-evidence-ref");
                item.add(ref);
            }
            if (e.patientNote() != null) {
                Paragraph note = new Paragraph();
                note.addClassName("flag-patient-note");
                note.add(label("Patient's note"), new Text(e.patientNote()));
                item.add(note);
            }
            evidence.add(item);
        }
        add(new Div(label("Evidence"), evidence));
        add(line("Patient was told", flag.patientMessage(), "flag-message"));

        if (flag.acknowledgedAt() != null) {
            add(line("Acknowledged", flag.acknowledgedBy() + ", " + FlagFormat.time(flag.acknowledgedAt(), zone)
                    + (flag.acknowledgeNote() == null ? "" : ": " + flag.acknowledgeNote()), "flag-acknowledged"));
        }
        if (flag.resolvedAt() != null) {
            String outcome = (flag.outcome() == null ? "" : " - " + flag.outcome().label())
                    + (flag.action() == null ? "" : " - " + flag.action().label());
            add(line("Resolved", flag.resolvedBy() + ", " + FlagFormat.time(flag.resolvedAt(), zone) + outcome
                    + (flag.resolveNote() == null ? "" : ": " + Dates.inText(flag.resolveNote())), "flag-resolved"));
        }

        if (caller.isClinician() && !flag.isResolved()) {
            HorizontalLayout actions = new HorizontalLayout();
            actions.addClassName("flag-actions");
            if (flag.isOpen()) {
                Button ack = new Button("Acknowledge", VaadinIcon.CHECK.create(),
                        e -> FlagDialogs.acknowledge(flag, note -> act(() -> flags.acknowledge(caller, flag.id(),
                                note), "Flag acknowledged")).open());
                ack.addClassName("acknowledge-button");
                ack.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                actions.add(ack);
            }
            Button resolve = new Button("Resolve", VaadinIcon.CHECK_CIRCLE.create(),
                    e -> FlagDialogs.resolve(flag, r -> act(
                            () -> flags.resolve(caller, flag.id(), r.outcome(), r.action(), r.note()),
                            "Flag resolved")).open());
            resolve.addClassName("resolve-button");
            actions.add(resolve);
            add(actions);
        }
    }

    private void act(Supplier<FlagView> action, String done) {
        try {
            action.get();
            Toasts.show(done, 3000, NotificationVariant.LUMO_SUCCESS);
        } catch (ConflictException | NotFoundException e) {
            Notification n = Notification.show(e.getMessage() + " The list has been refreshed.", 6000,
                    Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.addClassName("flag-conflict");
        } catch (InvalidInputException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        onChange.run();
    }

    private static Paragraph line(String label, String text, String className) {
        Paragraph p = new Paragraph(label(label), new Text(text));
        p.addClassName(className);
        return p;
    }

    private static Span label(String text) {
        Span label = new Span(text + ": ");
        label.addClassName("flag-label");
        return label;
    }
}
