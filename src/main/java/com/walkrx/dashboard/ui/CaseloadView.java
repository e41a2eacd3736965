package com.walkrx.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.patient.PatientService;
import com.walkrx.patient.PatientSummary;
import jakarta.annotation.security.RolesAllowed;

/** A clinician's landing page: the patients on their care teams. */
@Route("caseload")
@PageTitle("Caseload | WalkRx")
@Menu(order = 1, title = "Caseload", icon = "vaadin:users")
@RolesAllowed({"CLINICIAN", "ADMIN"})
public class CaseloadView extends VerticalLayout {

    private final Grid<PatientSummary> grid = new Grid<>(PatientSummary.class, false);
    private final TextField search = new TextField();

    CaseloadView(PatientService patients, CurrentUser currentUser) {
        addClassName("caseload-view");
        setSizeFull();
        var caller = currentUser.require();

        search.setPlaceholder("Search by name");
        search.setAriaLabel("Search patients by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);

        grid.addColumn(PatientSummary::fullName).setHeader("Name").setKey("name").setFlexGrow(2);
        grid.addColumn(p -> p.condition().label()).setHeader("Condition").setKey("condition").setFlexGrow(2);
        grid.addColumn(p -> p.acuity() == com.walkrx.patient.Acuity.ACUTE ? "Acute" : "Chronic").setHeader("Acuity");
        grid.addColumn(p -> p.hasAccount() ? "Active" : "Awaiting activation").setHeader("Account");
        grid.setItems(query -> patients.list(caller, search.getValue(), query.getOffset(), query.getLimit()).stream());
        grid.setSizeFull();
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        add(new H2("Caseload"), search, grid);
    }
}
