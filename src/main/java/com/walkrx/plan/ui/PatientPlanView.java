package com.walkrx.plan.ui;

import com.walkrx.base.ui.RouteIds;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.walkrx.base.security.Caller;
import com.walkrx.base.security.CurrentUser;
import com.walkrx.patient.PatientRecord;
import com.walkrx.patient.PatientService;
import com.walkrx.plan.PlanService;
import jakarta.annotation.security.RolesAllowed;

/** A patient's walking plan on a page of its own: the {@link PlanPanel}. Clinicians change it; admins read it. */
@Route("patients/:id/plan")
@PageTitle("Walking plan | WalkRx")
@RolesAllowed({"CLINICIAN", "ADMIN"})
public class PatientPlanView extends VerticalLayout implements BeforeEnterObserver {

    private final PlanService plans;
    private final PatientService patients;
    private final CurrentUser currentUser;

    PatientPlanView(PlanService plans, PatientService patients, CurrentUser currentUser) {
        this.plans = plans;
        this.patients = patients;
        this.currentUser = currentUser;
        addClassName("patient-plan-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Caller caller = currentUser.require();
        long id = RouteIds.require(event, "id", "Patient");
        PatientRecord patient = patients.get(caller, id);
        add(new Anchor("patients/" + id, "← Patient chart"), new H2(patient.fullName()),
                new PlanPanel(plans, caller, id));
    }
}
