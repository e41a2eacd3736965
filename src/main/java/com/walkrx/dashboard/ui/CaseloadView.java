package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.walkrx.report.ExportService;
import com.walkrx.report.ui.CaseloadExportLink;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.dashboard.CaseloadFilter;
import com.walkrx.dashboard.CaseloadPage;
import com.walkrx.dashboard.CaseloadRow;
import com.walkrx.dashboard.CaseloadService;
import com.walkrx.dashboard.CaseloadSort;
import com.walkrx.dashboard.PainChange;
import com.walkrx.flag.ui.LiveFlags;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * A clinician's landing page: their caseload, most urgent first, loaded a page at a time. Every cell
 * is rendered in the browser from the row's values, so an open caseload holds no component per row.
 */
@Route("caseload")
@PageTitle("Caseload | WalkRx")
@Menu(order = 1, title = "Caseload", icon = "vaadin:users")
@RolesAllowed({"CLINICIAN", "ADMIN"})
@JsModule(Chart.MODULE)
@StyleSheet("styles/dashboard.css")
@StyleSheet("styles/outcome.css")
public class CaseloadView extends VerticalLayout implements LiveFlags {

    private final CaseloadService caseload;
    private final Caller caller;
    private final Grid<CaseloadRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Checkbox openFlagsOnly = new Checkbox("Has open flags");
    private final Checkbox noRecentCheckIn = new Checkbox("No check-in for 3+ days");
    private final Select<Integer> phase = new Select<>();
    private final Span count = new Span();
    private final java.time.ZoneId zone;

    CaseloadView(CaseloadService caseload, CurrentUser currentUser, java.time.Clock clock, ExportService exports) {
        this.caseload = caseload;
        this.zone = clock.getZone();
        this.caller = currentUser.require();
        addClassName("caseload-view");
        setSizeFull();

        search.setPlaceholder("Search by name");
        search.setAriaLabel("Search patients by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addClassName("caseload-search");

        phase.setAriaLabel("Plan phase");
        phase.setItems(CaseloadFilter.NO_PLAN, 0, 1, 2, 3);
        phase.setEmptySelectionAllowed(true);
        phase.setEmptySelectionCaption("Any phase");
        phase.setItemLabelGenerator(p -> p == null ? "Any phase" : p == CaseloadFilter.NO_PLAN ? "No plan" : "Phase " + p);
        phase.addClassName("caseload-phase");

        configureGrid();
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        openFlagsOnly.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        noRecentCheckIn.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        phase.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        count.addClassName("caseload-count");
        HorizontalLayout title = new HorizontalLayout(new H2("Caseload"), count, new CaseloadExportLink(exports, caller));
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout filters = new HorizontalLayout(search, openFlagsOnly, noRecentCheckIn, phase);
        filters.setAlignItems(FlexComponent.Alignment.CENTER);
        filters.addClassName("caseload-filters");
        filters.setWrap(true);
        add(title, filters, grid);
        expand(grid);
    }

    private void configureGrid() {
        grid.addClassName("caseload-grid");
        grid.setSizeFull();
        grid.setMultiSort(false);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(LitRenderer.<CaseloadRow>of("""
                        <span class="flag-badges">
                          <span class="tier-badge tier-URGENT" ?hidden="${!item.urgent}">${item.urgent}</span>
                          <span class="tier-badge tier-HIGH" ?hidden="${!item.high}">${item.high}</span>
                          <span class="tier-badge tier-ADVISORY" ?hidden="${!item.advisory}">${item.advisory}</span>
                          <span class="muted" ?hidden="${item.anyFlag}">None</span>
                          <span class="flag-acknowledged-note" ?hidden="${!item.ack}">${item.ack}</span>
                        </span>""")
                        .withProperty("ack", r -> r.topAcknowledged() == null ? ""
                                : "Acknowledged by " + r.topAcknowledged().by() + ", "
                                + Format.time(r.topAcknowledged().at(), zone) + " - not resolved")
                        .withProperty("urgent", r -> r.urgentFlags() > 0 ? r.urgentFlags() + " urgent" : "")
                        .withProperty("high", r -> r.highFlags() > 0 ? r.highFlags() + " high" : "")
                        .withProperty("advisory", r -> r.advisoryFlags() > 0 ? r.advisoryFlags() + " advisory" : "")
                        .withProperty("anyFlag", r -> r.openFlagCount() > 0))
                .setHeader("Flags").setKey("flags").setSortable(true).setSortProperty("triage")
                .setWidth("190px").setFlexGrow(0);
        grid.addColumn(LitRenderer.<CaseloadRow>of("""
                        <div class="patient-cell">
                          <a class="patient-link" href="patients/${item.id}">${item.name}</a>
                          <span class="patient-condition">${item.condition}</span>
                          <span class="unread-notes" ?hidden="${!item.unread}">${item.unread}</span>
                        </div>""")
                        .withProperty("unread", r -> r.unreadNotes() == 0 ? ""
                                : r.unreadNotes() == 1 ? "1 unread note" : r.unreadNotes() + " unread notes")
                        .withProperty("id", CaseloadRow::id)
                        .withProperty("name", CaseloadRow::fullName)
                        .withProperty("condition", r -> r.condition().label()))
                .setHeader("Patient and condition").setKey("name").setSortable(true).setSortProperty("name")
                .setFlexGrow(1).setWidth("220px");
        grid.addColumn(LitRenderer.<CaseloadRow>of(
                        "<span>${item.phase}</span> <span class=\"plan-note\">${item.note}</span>")
                        .withProperty("phase", CaseloadView::phaseLabel)
                        .withProperty("note", r -> "PAUSED".equals(r.planStatus()) ? "paused" : ""))
                .setHeader("Plan").setKey("phase").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<CaseloadRow>of("""
                        <span class="adherence" title="${item.title}">
                          <span class="adherence-bar"><span class="adherence-fill ${item.band}" style="width:${item.width}%"></span></span>
                          <span class="adherence-value">${item.label}</span>
                        </span>""")
                        .withProperty("width", r -> r.adherence7d() == null ? 0 : Math.round(r.adherence7d() * 100))
                        .withProperty("label", r -> Format.percent(r.adherence7d()))
                        .withProperty("band", r -> band(r.adherence7d()))
                        .withProperty("title", r -> r.adherence7d() == null ? "No active plan or no days yet"
                                : "Walked minutes against the prescription over the last 7 whole days"))
                .setHeader("Adherence 7d").setKey("adherence").setSortable(true).setSortProperty("adherence")
                .setWidth("150px").setFlexGrow(0);
        grid.addColumn(LitRenderer.<CaseloadRow>of("""
                        <span class="pain-cell" title="${item.title}">
                          <span class="pain-now">${item.pain}</span>
                          <span class="pain-delta ${item.deltaClass}">${item.delta}</span>
                          <span class="mcid-badge" ?hidden="${!item.mcid}">MCID</span>
                        </span>""")
                        .withProperty("pain", r -> r.latestPain() == null ? "-" : String.valueOf(r.latestPain()))
                        .withProperty("delta", r -> r.painChange() == null ? "" : Format.signed(r.painChange().change()))
                        .withProperty("deltaClass", r -> deltaClass(r.painChange()))
                        .withProperty("mcid", r -> r.painChange() != null && r.painChange().clinicallyImportant())
                        .withProperty("title", r -> r.painChange() == null ? "No baseline yet"
                                : Format.changeTitle(r.painChange())))
                .setHeader("Pain (vs baseline)").setKey("pain").setWidth("150px").setFlexGrow(0);
        OutcomeBadges.addColumn(grid);
        grid.addColumn(LitRenderer.<CaseloadRow>of(
                        "<span class=\"${item.cls}\" title=\"${item.date}\">${item.text}</span>")
                        .withProperty("text", r -> Format.daysAgo(r.daysSinceLastCheckIn()))
                        .withProperty("date", r -> r.lastCheckInDate() == null ? "No check-in yet"
                                : "Last check-in " + Format.date(r.lastCheckInDate()))
                        .withProperty("cls", r -> r.daysSinceLastCheckIn() == null
                                || r.daysSinceLastCheckIn() >= CaseloadFilter.STALE_DAYS ? "stale" : ""))
                .setHeader("Last check-in").setKey("lastCheckIn").setSortable(true).setSortProperty("lastCheckIn")
                .setWidth("140px").setFlexGrow(0);
        grid.addColumn(LitRenderer.<CaseloadRow>of(
                        "<walkrx-sparkline .values=\"${item.spark}\" title=\"Daily pain, last 28 days\"></walkrx-sparkline>")
                        .withProperty("spark", CaseloadRow::pain28d))
                .setHeader("Pain, 28 days").setKey("sparkline").setWidth("136px").setFlexGrow(0);
        grid.setItems(query -> {
            CaseloadPage page = caseload.page(caller, filter(query.getSortOrders()), query.getOffset(), query.getLimit());
            if (query.getOffset() == 0) {
                count.setText(page.total() == 1 ? "1 patient" : page.total() + " patients");
            }
            return page.items().stream();
        });
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("patients/" + e.getItem().id())));
    }

    /** A flag of one of the clinician's patients changed: the rows (and their order) follow at once. */
    @Override
    public void flagsChanged(long patientId) {
        grid.getDataProvider().refreshAll();
    }

    private CaseloadFilter filter(List<QuerySortOrder> sortOrders) {
        CaseloadSort sort = CaseloadSort.TRIAGE;
        boolean descending = false;
        if (!sortOrders.isEmpty()) {
            QuerySortOrder order = sortOrders.getFirst();
            descending = order.getDirection() == SortDirection.DESCENDING;
            sort = switch (order.getSorted()) {
                case "name" -> CaseloadSort.NAME;
                case "adherence" -> CaseloadSort.ADHERENCE;
                case "lastCheckIn" -> CaseloadSort.LAST_CHECK_IN;
                case "outcomes" -> CaseloadSort.OUTCOMES;
                default -> CaseloadSort.TRIAGE;
            };
        }
        return new CaseloadFilter(search.getValue(), openFlagsOnly.getValue(), noRecentCheckIn.getValue(),
                phase.getValue(), sort, descending);
    }

    static String phaseLabel(CaseloadRow r) {
        if (r.planStatus() == null) {
            return "No plan";
        }
        return "DRAFT".equals(r.planStatus()) ? "Draft" : "Phase " + r.phase();
    }

    private static String band(Double adherence) {
        if (adherence == null) {
            return "none";
        }
        return adherence >= 0.8 ? "good" : adherence >= 0.5 ? "fair" : "poor";
    }

    private static String deltaClass(PainChange c) {
        if (c == null) {
            return "";
        }
        if (c.clinicallyImportant()) {
            return "better";
        }
        return c.clinicallyImportantWorsening() ? "worse" : "same";
    }

    /** For tests: the grid, its filters and the count label. */
    Grid<CaseloadRow> grid() {
        return grid;
    }

    TextField search() {
        return search;
    }

    Checkbox openFlagsOnly() {
        return openFlagsOnly;
    }

    Checkbox noRecentCheckIn() {
        return noRecentCheckIn;
    }

    Select<Integer> phase() {
        return phase;
    }

    Span count() {
        return count;
    }
}
