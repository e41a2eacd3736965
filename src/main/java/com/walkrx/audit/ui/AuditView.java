package com.walkrx.audit.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.audit.AuditAction;
import com.walkrx.audit.AuditEntry;
import com.walkrx.audit.AuditFilter;
import com.walkrx.audit.AuditService;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import com.walkrx.base.ui.Dates;
import java.util.Arrays;
import java.util.Comparator;

/** The admin's search over the clinic's audit trail: who did what, when, from where, to which patient. */
@Route("admin/audit")
@PageTitle("Audit trail | WalkRx")
@Menu(order = 92, title = "Audit trail", icon = "vaadin:archive")
@RolesAllowed("ADMIN")
@StyleSheet("styles/admin.css")
public class AuditView extends VerticalLayout {

    private final TextField user = new TextField("User");
    private final IntegerField patient = new IntegerField("Patient id");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final DatePicker from = Dates.datePicker("From");
    private final DatePicker to = Dates.datePicker("To");
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private AuditFilter filter = AuditFilter.none();

    AuditView(AuditService audit, CurrentUser currentUser) {
        addClassName("audit-view");
        setSizeFull();
        Caller caller = currentUser.require();
        java.time.ZoneId zone = audit.zone(caller);

        user.setWidth("12em");
        patient.setWidth("8em");
        action.setWidth("15em");
        from.setWidth("10em");
        to.setWidth("10em");
        user.setClearButtonVisible(true);
        user.setPlaceholder("any");
        patient.setClearButtonVisible(true);
        patient.setMin(1);
        action.setItems(Arrays.stream(AuditAction.values()).sorted(Comparator.comparing(Enum::name)).toList());
        action.setItemLabelGenerator(AuditView::label);
        action.setClearButtonVisible(true);
        action.setPlaceholder("any");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.setMax(audit.today(caller));
        to.setMax(audit.today(caller));
        Button search = new Button("Search", e -> search());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClassName("audit-search");

        FlexLayout filters = new FlexLayout(user, patient, action, from, to, search);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("audit-filters");
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.addColumn(e -> Dates.dateTimeSeconds(e.at(), zone)).setHeader("When").setKey("at").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::username).setHeader("User").setKey("user").setAutoWidth(true);
        grid.addColumn(e -> label(e.action())).setHeader("Action").setKey("action").setAutoWidth(true);
        grid.addColumn(e -> e.patientId() == null ? "" : String.valueOf(e.patientId())).setHeader("Patient")
                .setKey("patient").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(e -> outcome(e.allowed())).setHeader("Outcome").setKey("outcome").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::clientAddress).setHeader("Address").setKey("address").setAutoWidth(true);
        grid.addColumn(e -> Dates.inText(e.detail())).setHeader("Detail").setKey("detail").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(50);
        grid.setSizeFull();
        // Lazy and without a total: the trail grows without bound, so only the pages scrolled to are read.
        grid.setItems(query -> audit.search(caller, filter, query.getOffset(), query.getLimit()).stream());

        Paragraph hint = new Paragraph("Newest first. Every search is itself recorded in the trail.");
        hint.addClassName("hint");
        add(new H2("Audit trail"), hint, filters, grid);
        setFlexGrow(1, grid);
    }

    private void search() {
        Integer patientId = patient.getValue();
        filter = new AuditFilter(user.getValue(), patientId == null ? null : patientId.longValue(), action.getValue(),
                from.getValue(), to.getValue());
        grid.getDataProvider().refreshAll();
    }

    /** The filter of the current search (for tests). */
    AuditFilter filter() {
        return filter;
    }

    private static Span outcome(boolean allowed) {
        Span s = new Span(allowed ? "Allowed" : "Denied");
        s.addClassNames("outcome", allowed ? "outcome-allowed" : "outcome-denied");
        return s;
    }

    private static String label(AuditAction action) {
        return label(action.name());
    }

    private static String label(String action) {
        String words = action.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
