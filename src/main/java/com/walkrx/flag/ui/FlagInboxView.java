package com.walkrx.flag.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.flag.FlagService;
import com.walkrx.flag.FlagStatus;
import com.walkrx.flag.FlagView;
import com.walkrx.base.clinical.Tier;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;

/**
 * The clinician's "Open flags" inbox: flags of their patients, URGENT first, then HIGH, then ADVISORY, oldest
 * first within a tier. Selecting a flag shows its evidence and the Acknowledge and Resolve actions. Updates live
 * (server push) when a check-in raises a flag for one of the clinician's patients.
 */
@Route("flags")
@PageTitle("Open flags | WalkRx")
@Menu(order = 2, title = "Open flags", icon = "vaadin:flag")
@RolesAllowed("CLINICIAN")
@StyleSheet("styles/flags.css")
public class FlagInboxView extends VerticalLayout implements LiveFlags {

    private final FlagService flags;
    private final Caller caller;
    private final Grid<FlagView> grid = new Grid<>(FlagView.class, false);
    private final Select<FlagStatus> status = new Select<>();
    private final Span summary = new Span();
    private final Div details = new Div();
    private Long selectedId;

    static final String NEEDS_ATTENTION = "Needs attention";

    FlagInboxView(FlagService flags, CurrentUser currentUser) {
        this.flags = flags;
        this.caller = currentUser.require();
        addClassName("flag-inbox-view");
        setSizeFull();
        ZoneId zone = flags.zone();

        status.setLabel("Show");
        status.setItems(FlagStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(NEEDS_ATTENTION);
        status.setItemLabelGenerator(s -> s == null ? NEEDS_ATTENTION : s.label());
        status.setValue(null); // needs attention: open, and URGENT/HIGH until resolved
        status.addValueChangeListener(e -> {
            selectedId = null;
            refresh();
        });

        grid.addComponentColumn(f -> FlagFormat.tierBadge(f.tier())).setHeader("Tier").setKey("tier")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(f -> {
            Anchor a = new Anchor("patients/" + f.patientId() + "/flags", f.patientName());
            a.addClassName("flag-patient");
            return a;
        }).setHeader("Patient").setKey("patient").setWidth("170px").setFlexGrow(1);
        grid.addColumn(f -> f.code().label()).setHeader("Flag").setKey("flag").setWidth("210px").setFlexGrow(1);
        grid.addColumn(f -> FlagFormat.time(f.raisedAt(), zone)).setHeader("Raised").setKey("raised")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(f -> FlagFormat.statusLine(f, zone)).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(FlagFormat::latestEvidence).setHeader("Latest evidence").setKey("evidence").setWidth("260px")
                .setFlexGrow(3);
        grid.addColumn(f -> f.evidence().size()).setHeader("Reports").setKey("reports").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPartNameGenerator(f -> "flag-row-" + f.tier().name());
        grid.setItems(query -> (status.getValue() == null
                ? flags.attentionSlice(caller, query.getOffset(), query.getLimit())
                : flags.slice(caller, status.getValue(), query.getOffset(), query.getLimit())).stream());
        grid.setSizeFull();
        grid.asSingleSelect().addValueChangeListener(e -> {
            selectedId = e.getValue() == null ? null : e.getValue().id();
            refreshDetails(); // opening a flag reads it again: audited with its patient
        });

        details.addClassName("flag-details");
        details.setVisible(false);
        Paragraph hint = new Paragraph("Select a flag to see its evidence and act on it.");
        hint.addClassName("flag-hint");

        summary.addClassName("flag-summary");
        HorizontalLayout header = new HorizontalLayout(new H2("Flags"), summary);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout body = new HorizontalLayout(grid, details);
        body.setSizeFull();
        body.setFlexGrow(3, grid);
        body.setFlexGrow(2, details);
        HorizontalLayout tools = new HorizontalLayout(status, hint);
        tools.setAlignItems(FlexComponent.Alignment.END);
        add(header, tools, body);
        updateSummary();
    }

    /** Reloads the list, the counts and the selected flag. */
    void refresh() {
        grid.getDataProvider().refreshAll();
        updateSummary();
        refreshDetails();
    }

    private void refreshDetails() {
        if (selectedId != null) {
            FlagView current = null;
            try {
                current = flags.get(caller, selectedId);
            } catch (com.walkrx.base.api.NotFoundException e) {
                selectedId = null;
            }
            showDetails(current);
        } else {
            showDetails(null);
        }
    }

    private void showDetails(FlagView flag) {
        details.removeAll();
        details.setVisible(flag != null);
        if (flag != null) {
            details.add(new FlagCard(flags, caller, flag, true, this::refresh));
        }
    }

    private void updateSummary() {
        summary.setText(FlagFormat.attentionSummary(flags.attentionCounts(caller)));
    }

    @Override
    public void flagsChanged(long patientId) {
        refresh();
    }

    /** The grid, for tests. */
    Grid<FlagView> grid() {
        return grid;
    }
}
