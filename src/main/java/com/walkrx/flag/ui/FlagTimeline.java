package com.walkrx.flag.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.walkrx.base.api.PageResponse;
import com.walkrx.base.security.Caller;
import com.walkrx.flag.FlagService;
import com.walkrx.flag.FlagView;

/**
 * A patient's flags for the patient chart: unresolved ones first, then newest first, each with its evidence and
 * (for clinicians on the care team) Acknowledge and Resolve. Refreshes itself live when the patient's flags change.
 * Usage: {@code new FlagTimeline(flagService, currentUser.require(), patientId)}.
 */
@StyleSheet("styles/flags.css")
public class FlagTimeline extends VerticalLayout implements LiveFlags {

    private static final int PAGE = 20;

    private final FlagService flags;
    private final Caller caller;
    private final long patientId;
    private final VerticalLayout cards = new VerticalLayout();
    private final Button more = new Button("Show older flags");
    private int shown = PAGE;

    public FlagTimeline(FlagService flags, Caller caller, long patientId) {
        this.flags = flags;
        this.caller = caller;
        this.patientId = patientId;
        addClassName("flag-timeline");
        setPadding(false);
        cards.setPadding(false);
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> {
            shown += PAGE;
            refresh();
        });
        add(new H3("Flags"), cards, more);
        refresh();
    }

    /** Reloads the flags from the service. */
    public void refresh() {
        PageResponse<FlagView> page = flags.ofPatient(caller, patientId, null, 0, Math.min(shown, 200));
        cards.removeAll();
        if (page.items().isEmpty()) {
            Paragraph none = new Paragraph("No flags: nothing in this patient's check-ins has asked for a doctor.");
            none.addClassName("flag-none");
            cards.add(none);
        }
        for (FlagView flag : page.items()) {
            cards.add(new FlagCard(flags, caller, flag, false, this::refresh));
        }
        more.setVisible(page.total() > page.items().size());
    }

    @Override
    public void flagsChanged(long changedPatientId) {
        if (changedPatientId == patientId) {
            refresh();
        }
    }
}
