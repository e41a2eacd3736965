package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.dashboard.ClinicOverviewService;
import com.walkrx.dashboard.OverviewStats;
import com.walkrx.dashboard.OverviewStats.Outcome;
import com.walkrx.outcome.OutcomeService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/** The clinic at a glance: patients, open flags, plan phases, adherence and outcomes against the expected course. */
@Route("overview")
@PageTitle("Overview | WalkRx")
@Menu(order = 5, title = "Overview", icon = "vaadin:chart")
@RolesAllowed({"CLINICIAN", "ADMIN"})
@StyleSheet("styles/dashboard.css")
public class ClinicOverviewView extends VerticalLayout {

    private final OverviewStats stats;
    private final Chart outcomes = new Chart("300px").withLabel("Pain change from baseline at weeks 2, 4, 8 and 12");
    private final Grid<Outcome> outcomeTable = new Grid<>();

    ClinicOverviewView(ClinicOverviewService overview, CurrentUser currentUser, OutcomeService outcomeService) {
        addClassName("overview-view");
        setMaxWidth("1280px");
        stats = overview.overview(currentUser.require());
        add(new H2(stats.wholeClinic() ? "Clinic overview" : "Overview of your patients"));

        Div tiles = new Div(
                tile(String.valueOf(stats.patients()), "patients", null),
                tile(String.valueOf(stats.onActivePlan()), "on an active plan", null),
                tile(String.valueOf(stats.onPausedPlan()), "plans paused", stats.onPausedPlan() > 0 ? "warning" : null),
                tile(String.valueOf(stats.checkedInLast7Days()), "checked in within 7 days", null),
                flagTile());
        tiles.addClassName("tiles");
        add(tiles);

        List<String> phaseNames = new ArrayList<>();
        List<Long> phaseCounts = new ArrayList<>();
        for (OverviewStats.PhaseCount pc : stats.phases()) {
            phaseNames.add(pc.phase() == null ? "No active plan" : "Phase " + pc.phase());
            phaseCounts.add(pc.patients());
        }
        Chart phases = new Chart("240px").withLabel("Patients by plan phase");
        phases.setOption(ChartOptions.bars(phaseNames, phaseCounts, List.of(ChartOptions.BLUE), "Patients"));
        OverviewStats.Adherence a = stats.adherence();
        Chart adherence = new Chart("240px").withLabel("Patients by 7-day adherence");
        adherence.setOption(ChartOptions.bars(List.of("Under 50%", "50-79%", "80% or more", "No data"),
                List.of(a.below50(), a.from50to79(), a.atLeast80(), a.noData()),
                List.of(ChartOptions.URGENT, ChartOptions.ADVISORY, ChartOptions.GREEN, "#9aa5b1"), "Patients"));
        Div row = new Div(card("Plan phases", phases), card("Adherence over the last 7 days", adherence));
        row.addClassName("two-columns");
        add(row);

        outcomes.setOption(ChartOptions.outcomes(stats));
        configureOutcomeTable();
        Paragraph note = new Paragraph("Change in daily overall pain from each patient's baseline (the mean of their "
                + "first 7 plan days with a pain score). The clinically important change is an improvement of "
                + "2 points or 30% of the baseline (Ostelo 2008).");
        note.addClassName("muted");
        add(card("Outcomes against the expected course", note, outcomes, outcomeTable));
        add(new OutcomeShares(outcomeService, currentUser.require()));
    }

    private Div flagTile() {
        Span urgent = badge(stats.openUrgent() + " urgent", "URGENT");
        Span high = badge(stats.openHigh() + " high", "HIGH");
        Span advisory = badge(stats.openAdvisory() + " advisory", "ADVISORY");
        Div badges = new Div(urgent, high, advisory);
        badges.addClassName("flag-badges");
        Span value = new Span(String.valueOf(stats.openUrgent() + stats.openHigh() + stats.openAdvisory()));
        value.addClassName("tile-value");
        Span label = new Span("open flags, " + stats.patientsWithOpenFlags() + " patients");
        label.addClassName("tile-label");
        Div tile = new Div(value, label, badges);
        tile.addClassNames("tile", "flags-tile");
        return tile;
    }

    private static Span badge(String text, String tier) {
        Span s = new Span(text);
        s.addClassNames("tier-badge", "tier-" + tier);
        return s;
    }

    private static Div tile(String value, String label, String cls) {
        Span v = new Span(value);
        v.addClassName("tile-value");
        Span l = new Span(label);
        l.addClassName("tile-label");
        Div tile = new Div(v, l);
        tile.addClassName("tile");
        if (cls != null) {
            tile.addClassName(cls);
        }
        return tile;
    }

    private static Div card(String heading, com.vaadin.flow.component.Component... content) {
        Div card = new Div(new H3(heading));
        card.add(content);
        card.addClassName("card");
        return card;
    }

    private void configureOutcomeTable() {
        outcomeTable.addClassName("outcome-table");
        outcomeTable.addColumn(o -> "Week " + o.week()).setHeader("Plan week").setAutoWidth(true).setFlexGrow(0);
        outcomeTable.addColumn(Outcome::patients).setHeader("Patients with data").setAutoWidth(true).setFlexGrow(0);
        outcomeTable.addColumn(o -> o.meanChange() == null ? "-" : Format.signed(o.meanChange()) + " points")
                .setHeader("Mean change").setAutoWidth(true).setFlexGrow(0);
        outcomeTable.addColumn(o -> o.patients() == 0 ? "-"
                        : Format.percent(o.share()) + " (" + o.reachedImportantChange() + " of " + o.patients() + ")")
                .setHeader("Reached the important change").setAutoWidth(true).setFlexGrow(0);
        outcomeTable.addColumn(Outcome::expected).setHeader("Expected course (article)").setFlexGrow(1);
        outcomeTable.setItems(stats.outcomes()); // always four rows: weeks 2, 4, 8 and 12
        outcomeTable.setAllRowsVisible(true);
    }

    /** For tests. */
    OverviewStats stats() {
        return stats;
    }

    Chart outcomesChart() {
        return outcomes;
    }
}
