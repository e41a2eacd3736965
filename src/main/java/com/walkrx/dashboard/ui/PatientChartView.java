package com.walkrx.dashboard.ui;

import com.walkrx.base.ui.Dates;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.walkrx.base.ui.RouteIds;
import com.walkrx.checkin.CheckInService;
import com.walkrx.checkin.ui.CheckInList;
import com.walkrx.flag.FlagService;
import com.walkrx.flag.ui.FlagTimeline;
import com.walkrx.outcome.OutcomeService;
import com.walkrx.patient.PatientService;
import com.walkrx.patient.ui.PatientHeader;
import com.walkrx.plan.PlanService;
import com.walkrx.plan.ui.PlanPanel;
import com.walkrx.report.ExportService;
import com.walkrx.report.ui.ExportLinks;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.dashboard.ChartRange;
import com.walkrx.dashboard.PatientChart;
import com.walkrx.dashboard.PatientChart.FlagItem;
import com.walkrx.dashboard.PatientChart.Phase;
import com.walkrx.dashboard.PatientChart.PlanView;
import com.walkrx.dashboard.PatientChart.WalkPoint;
import com.walkrx.dashboard.PatientChartService;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/**
 * One patient's chart: who they are, their plan, how their pain and walking went over the chosen range,
 * each walk, and their flags. {@link #planSlot} and {@link #flagSlot} are where the plan and flag modules'
 * panels go (PlanPanel, FlagTimeline); until they are wired in, the slots show this module's summaries.
 */
@Route("patients/:id")
@RolesAllowed({"CLINICIAN", "ADMIN"})
@StyleSheet("styles/dashboard.css")
public class PatientChartView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PatientChartService charts;
    private final Caller caller;
    private final Clock clock;

    private final Div header = new Div();
    private final RadioButtonGroup<ChartRange> range = new RadioButtonGroup<>();
    /** The plan summary; the plan module's PlanPanel (proposal to confirm, changes) replaces or joins it. */
    final Div planSlot = new Div();
    /** The flags list; the flag module's FlagTimeline (evidence, acknowledge, resolve) replaces it. */
    final Div flagSlot = new Div();
    private final Chart painChart = new Chart("360px").withLabel("Pain trend");
    private final Chart activityChart = new Chart("300px").withLabel("Minutes walked and steps against the prescription");
    private final Grid<WalkPoint> walks = new Grid<>();
    private final Paragraph painSummary = new Paragraph();

    private long patientId;
    private String title = "Patient | WalkRx";
    private PatientChart chart;
    private Details managePlan;

    private final PatientService patientService;
    private final PlanService planService;
    private final FlagService flagService;
    private final OutcomeService outcomeService;
    private final ExportService exports;
    private final CheckInService checkInService;

    PatientChartView(PatientChartService charts, CurrentUser currentUser, Clock clock, PatientService patientService,
                     PlanService planService, FlagService flagService, OutcomeService outcomeService,
                     ExportService exports, CheckInService checkInService) {
        this.checkInService = checkInService;
        this.charts = charts;
        this.patientService = patientService;
        this.planService = planService;
        this.flagService = flagService;
        this.outcomeService = outcomeService;
        this.exports = exports;
        this.caller = currentUser.require();
        this.clock = clock;
        addClassName("patient-chart-view");
        setMaxWidth("1280px");
        range.setItems(ChartRange.values());
        range.setItemLabelGenerator(ChartRange::label);
        range.setAriaLabel("Range");
        range.addClassName("range-selector");
        range.setValue(ChartRange.FOUR_WEEKS);
        range.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                load(e.getValue());
            }
        });
        planSlot.addClassNames("plan-slot", "card");
        flagSlot.addClassNames("flag-slot", "card");
        painSummary.addClassName("pain-summary");
        configureWalks();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        // Someone else's patient and a mistyped id look the same: the record-not-found page.
        patientId = RouteIds.require(event, "id", "Patient");
        load(ChartRange.FOUR_WEEKS);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void load(ChartRange selected) {
        chart = charts.chart(caller, patientId, selected);
        title = chart.header().fullName() + " | WalkRx";
        removeAll();
        range.setValue(selected);
        // The record's own panel: details, contact, surgery, clearance and activation code (care team may edit).
        header.removeAll();
        header.addClassName("chart-header");
        header.add(new PatientHeader(patientService, caller, patientId));
        header.add(new ExportLinks(exports, caller, patientId)); // PDF report, CSV, FHIR (report module)
        PlanPanel panel = new PlanPanel(planService, caller, patientId);
        managePlan = new Details("Manage the plan: phases, proposals, pause and history", panel);
        managePlan.addClassName("manage-plan");
        // An action in the panel (assign, pause, confirm a proposal...): the summary above and the charts' prescribed
        // minutes say so at once, never what was true before it.
        panel.addPlanChangedListener(e -> {
            chart = charts.chart(caller, patientId, range.getValue());
            showChart();
        });
        showChart();
        renderFlags();

        Div rangeBar = new Div(new Span("Show"), range);
        rangeBar.addClassName("range-bar");
        add(header, planSlot, rangeBar,
                section("Pain", painSummary, painChart),
                section("Walking against the prescription", activityChart),
                new OutcomeCharts(outcomeService, caller, patientId),
                section("Walks", walks),
                section("Check-ins and notes", new CheckInList(checkInService, caller, patientId)),
                flagSlot);
    }

    private static Component section(String heading, Component... content) {
        Div card = new Div();
        card.addClassName("card");
        card.add(new H3(heading));
        card.add(content);
        return card;
    }

    /** The plan summary, both charts and the pain summary, from {@link #chart}. */
    private void showChart() {
        renderPlan(chart.plan());
        planSlot.add(managePlan);
        painChart.setOption(ChartOptions.painTrend(chart));
        activityChart.setOption(ChartOptions.activity(chart));
        painSummary.setText(Format.painSummary(chart.painChange()));
        walks.getDataProvider().refreshAll();
    }

    private void renderPlan(PlanView plan) {
        planSlot.removeAll();
        planSlot.add(new H3("Plan"));
        if (plan == null) {
            planSlot.add(new Paragraph("No walking plan yet."));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Phase current = plan.current();
        String status = switch (plan.status()) {
            case "ACTIVE" -> "Active";
            case "PAUSED" -> "Paused" + (plan.pauseReason() != null ? ": " + plan.pauseReason() : "");
            case "DRAFT" -> "Draft";
            default -> "Ended";
        };
        int phaseCount = plan.phases().size();
        Paragraph line = new Paragraph(label(plan.template()) + " plan since " + Format.date(plan.startDate())
                + " - " + status + " - phase " + plan.currentPhase() + (phaseCount > 0 ? " of " + phaseCount : ""));
        line.addClassName("plan-line");
        planSlot.add(line);
        if (current != null) {
            long day = plan.daysInPhase(today);
            Paragraph prescription = new Paragraph("Now: " + current.summary()
                    + (current.stepTarget() != null ? ", " + current.stepTarget() + " steps a day" : ""));
            ProgressBar progress = new ProgressBar(0, 1, Math.min(1.0, (double) day / current.minDays()));
            progress.getElement().setAttribute("aria-label", "Progress through the phase's minimum length");
            Span days = new Span("Day " + day + " of at least " + current.minDays() + " in this phase");
            days.addClassName("phase-days");
            planSlot.add(prescription, progress, days);
        }
        if (plan.proposal() != null) {
            Paragraph proposal = new Paragraph((plan.proposal().kind().equals("ADVANCE") ? "Proposed: advance to the next phase"
                    : "Proposed: step back") + " - " + Dates.inText(plan.proposal().reason()));
            proposal.addClassName("proposal");
            planSlot.add(proposal);
        }
    }

    private static String label(String template) {
        return switch (template) {
            case "ACUTE" -> "Acute (cautious)";
            case "POST_SURGERY" -> "Post-surgery";
            default -> "Standard";
        };
    }

    private void configureWalks() {
        walks.addClassName("walks-grid");
        walks.setHeight("320px");
        walks.addColumn(w -> Format.day(w.date())).setHeader("Date").setAutoWidth(true);
        walks.addColumn(WalkPoint::minutes).setHeader("Minutes").setAutoWidth(true);
        walks.addColumn(w -> w.surface().charAt(0) + w.surface().substring(1).toLowerCase()).setHeader("Surface")
                .setAutoWidth(true);
        walks.addColumn(LitRenderer.<WalkPoint>of(
                        "<span class=\"walk-pain ${item.cls}\">${item.before} \u2192 ${item.after}</span>")
                        .withProperty("before", WalkPoint::painBefore)
                        .withProperty("after", WalkPoint::painAfter)
                        .withProperty("cls", w -> w.painAfter() - w.painBefore() >= 2 ? "worse"
                                : w.painAfter() < w.painBefore() ? "better" : ""))
                .setHeader("Pain before \u2192 after").setAutoWidth(true);
        walks.addColumn(LitRenderer.<WalkPoint>of(
                        "<span class=\"${item.cls}\">${item.text}</span>")
                        .withProperty("text", w -> w.sharpPain() ? "Sharp pain" : "No")
                        .withProperty("cls", w -> w.sharpPain() ? "warning" : "muted"))
                .setHeader("Sharp pain").setAutoWidth(true);
        walks.addColumn(w -> w.steps() == null ? "-" : String.valueOf(w.steps())).setHeader("Steps").setAutoWidth(true);
        walks.setItems(query -> chart == null ? java.util.stream.Stream.empty()
                : charts.walks(caller, patientId, chart.from(), query.getOffset(), query.getLimit()).stream());
    }

    private void renderFlags() {
        // The flag module's timeline: evidence, and Acknowledge / Resolve for the care team.
        flagSlot.removeAll();
        flagSlot.add(new FlagTimeline(flagService, caller, patientId)); // it carries its own heading
    }

    /**
     * The slot for the plan module's panel. Route views are proxied by method security, so code outside this
     * class reaches the slots through these methods, not the fields.
     */
    Div planSlot() {
        return planSlot;
    }

    /** The slot for the flag module's timeline. */
    Div flagSlot() {
        return flagSlot;
    }

    /** For tests. */
    Chart painChart() {
        return painChart;
    }

    Chart activityChart() {
        return activityChart;
    }

    Grid<WalkPoint> walksGrid() {
        return walks;
    }

    RadioButtonGroup<ChartRange> rangeSelector() {
        return range;
    }

    PatientChart current() {
        return chart;
    }
}
